-- Issue 13: billable hours (days) are no longer indexed by account and time. The index
-- billable_hour_by_time (account_id, hour_start) served one read only, the month-to-date
-- split at a price or contract change inside the month (UsageQueries), and cost the
-- consumer more than the primary key did: a backfill reports hundreds of hours of one
-- resource in a row, each the next entry of its series in the primary key but an entry far
-- back among every resource's hours of the account in this index, compared under the
-- database's collation. In a scratch table of 1,500,000 hours of 2,500 resources inserted
-- in that order, the insert took 10.6 s with both indexes and 5.1 s with the primary key
-- alone (docs/benchmarks.md). That read now finds the account's series of the month in the
-- month roll-up (usage_month_by_account) and each series' hours by a range of the primary
-- key (series_key, hour_start), rows the consumer writes in the same transaction.
drop index billable_hour_by_time;
drop index billable_day_by_time;
