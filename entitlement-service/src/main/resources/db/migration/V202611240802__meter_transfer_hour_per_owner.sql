-- The hour a customer is transferred in is metered for both owners, each under its own
-- resource name (so its own event id): an hour is recorded once per owner.
alter table metered_hour drop constraint metered_hour_pkey;
alter table metered_hour add primary key (resource_id, meter, hour_start, event_id);
