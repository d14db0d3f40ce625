-- Hourly and daily usage is one row per resource-period (decision 0070): the billable row
-- also carries the identity of the event that first reported the period (a 128-bit hash
-- of its source and id) and a 64-bit hash of its payload, so that a repeat of the event
-- is recognised (a duplicate, or a conflict when its payload differs) without a second,
-- per-event row in usage_record. Rows written before this migration have no identity:
-- their periods still refuse a second count, only the repeat is no longer reported.
alter table billable_hour add column event_key uuid, add column payload_hash bigint;
alter table billable_day add column event_key uuid, add column payload_hash bigint;
