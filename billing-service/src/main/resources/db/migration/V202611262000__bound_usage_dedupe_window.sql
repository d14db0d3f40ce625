-- The dedupe window (platform.billing.dedupe-retention): receipts and hourly/daily usage
-- records are purged once their window ended more than the retention (+ 2 days) ago, in
-- small batches found through block-range (BRIN) indexes, which cost almost nothing on
-- the ingestion path because rows arrive roughly in window order.
alter table usage_receipt add column window_end timestamptz;
-- receipts written before: their window is unknown, the receipt time stands in for it
update usage_receipt set window_end = received_at where window_end is null;
alter table usage_receipt alter column window_end set not null;
create index usage_receipt_by_window_end on usage_receipt using brin (window_end);
create index usage_record_by_window_end on usage_record using brin (window_end);

-- The consumer's key (account, source, id) becomes the primary key: the surrogate id and
-- its index were read by nobody and cost a sequence call and a btree insert per event.
alter table usage_record drop constraint usage_record_pkey,
    drop constraint usage_record_account_id_source_event_id_key,
    add constraint usage_record_pkey primary key (account_id, source, event_id);
alter table usage_record drop column id;
