-- Only usage of quantity meters (GB, COUNT, ...) is read by window (rating across a price
-- change inside a month, the export's windows); HOUR and DAY usage is read from
-- billable_hour and billable_day. Indexing only the former spares the consumer one btree
-- insert per hourly event, most of the usage there is.
drop index usage_record_by_window;
create index usage_record_by_window on usage_record (account_id, window_start) where unit not in ('HOUR', 'DAY');
