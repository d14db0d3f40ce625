-- The simulated cloud's traffic and object storage counters keep the instant they counted
-- at (rows made before keep their hour's start), so the meter can give each owner what was
-- counted while it held a resource when a customer is transferred in the middle of an hour.
alter table sim_traffic rename column hour_start to counted_at;
alter table sim_bucket_usage rename column hour_start to counted_at;
