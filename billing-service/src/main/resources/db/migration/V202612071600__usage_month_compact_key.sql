-- Issue 13: the month roll-up is unique per series (account, resource, SKU, meter: the
-- compact key of billable_hour, usage_series_key), month and customer, instead of per six
-- text columns. Hourly usage spread over many resources grows a different roll-up row with
-- each event, and finding that row was a descent of a ~150-byte text key compared under the
-- database's collation; with a 16-byte key first the consumer's upsert of 2,000 rows took
-- 45 ms instead of 63 on the benchmark machine (docs/benchmarks.md). The consumer computes
-- the key in Java (UsageIdentities.seriesKey), as it does for billable_hour.
--
-- Reads by account and month (month-to-date, billing runs, late usage of billed months)
-- had used the old primary key's leading columns; usage_month_by_account serves them now,
-- and replaces usage_month_by_month (month, account_id), whose reads all name the account.
alter table usage_month add column series_key uuid;
update usage_month set series_key = usage_series_key(account_id, resource, sku, meter);
alter table usage_month alter column series_key set not null;
alter table usage_month drop constraint usage_month_pkey;
alter table usage_month add constraint usage_month_pkey primary key (series_key, month, customer_id);
drop index usage_month_by_month;
create index usage_month_by_account on usage_month (account_id, month);
