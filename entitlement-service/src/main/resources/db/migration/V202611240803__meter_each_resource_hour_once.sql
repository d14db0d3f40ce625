-- One claim per resource, meter and hour again, whoever held the resource in it: the
-- hour a customer is transferred in is no longer metered for both owners (HOUR and DAY
-- meters bill it to the owner at its start, GB and counters are split between them under
-- this one claim), and a re-run never publishes any part of an hour twice, even under
-- another owner's name. Hours metered for both owners before keep one row.
delete from metered_hour m using metered_hour o
where m.resource_id = o.resource_id and m.meter = o.meter and m.hour_start = o.hour_start
  and m.event_id > o.event_id;
alter table metered_hour drop constraint metered_hour_pkey;
alter table metered_hour add primary key (resource_id, meter, hour_start);
