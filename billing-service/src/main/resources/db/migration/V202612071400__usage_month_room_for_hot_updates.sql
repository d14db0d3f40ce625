-- Issue 13: hourly usage spread over many resources grows each resource's month roll-up row
-- by one hour at a time, an update per consumed event. None of the updated columns (units,
-- first_at, last_at, entitlement_id, updated_at) is indexed, so each update could stay on its
-- page (a HOT update: no new entry in either index) if the page had room; at the default
-- fillfactor of 100 the pages are full and every update moved the row and added entries to
-- the primary key and usage_month_by_month. New pages keep 30 % free.
alter table usage_month set (fillfactor = 70);
