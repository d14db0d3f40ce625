-- The API reports duplicates from the consumer's usage records (keyed by account, source
-- and id, like the charging), not from receipts of its own (decision 0053): the receipt
-- insert was the dearest step of a batch's acknowledgement, and receipts keyed by
-- (source, id) alone reported another partner's event with the same id as a duplicate.
drop table usage_receipt;
