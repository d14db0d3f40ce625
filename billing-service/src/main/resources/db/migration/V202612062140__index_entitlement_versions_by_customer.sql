-- The usage API's tenant check (decision 0057) looks a batch's customers up in
-- entitlement_version by customer alone: without this index every HTTP batch read the
-- whole table (the ingestion benchmark's 13,334 entitlements: 5-10 million rows read
-- per 30-second run, docs/benchmarks.md "Issue 13, ingestion").
create index entitlement_version_by_customer on entitlement_version (customer_id, account_id);
