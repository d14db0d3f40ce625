-- Billable hours and days are unique per resource and period under a compact key (issue 13):
-- a 128-bit hash of the series (account, resource, SKU, meter) and the period, instead of
-- four text columns and the period. The primary key's btree holds 24-byte entries instead of
-- ~150-byte ones: the consumer's insert of a billable hour cost ~11 us of PostgreSQL CPU per row
-- with the text key and ~8 us with this one (docs/benchmarks.md), and the API's duplicate
-- probe reads a smaller index. The text columns stay in the row for the reports that read
-- them by account and time (billable_hour_by_time, billable_day_by_time).
--
-- The key is the first 16 bytes of SHA-256 over each part's UTF-8 length in decimal, a colon
-- and the part (unambiguous without a separator); billing-service computes the same in Java
-- (UsageIdentities.seriesKey), and SeriesKeyIT checks that both agree.
create function usage_series_key(account_id text, resource text, sku text, meter text) returns uuid
    language sql immutable strict parallel safe as $$
    select cast(encode(substring(sha256(convert_to(
        octet_length(account_id) || ':' || account_id || octet_length(resource) || ':' || resource
        || octet_length(sku) || ':' || sku || octet_length(meter) || ':' || meter, 'UTF8')) from 1 for 16), 'hex') as uuid)
$$;

alter table billable_hour add column series_key uuid;
update billable_hour set series_key = usage_series_key(account_id, resource, sku, meter);
alter table billable_hour alter column series_key set not null;
alter table billable_hour drop constraint billable_hour_pkey;
alter table billable_hour add constraint billable_hour_pkey primary key (series_key, hour_start);

alter table billable_day add column series_key uuid;
update billable_day set series_key = usage_series_key(account_id, resource, sku, meter);
alter table billable_day alter column series_key set not null;
alter table billable_day drop constraint billable_day_pkey;
alter table billable_day add constraint billable_day_pkey primary key (series_key, day);
