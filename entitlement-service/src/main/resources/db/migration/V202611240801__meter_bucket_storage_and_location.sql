-- The simulated cloud's object storage counters, per bucket and hour: the most bytes the
-- bucket held during the hour, what it held at the hour's end (carried into later hours
-- without activity) and the requests served in it. Kept after the bucket is deleted, so
-- that its last hour can still be metered.
create table sim_bucket_usage (
    resource_id text        not null,
    hour_start  timestamptz not null,
    peak_bytes  bigint      not null check (peak_bytes >= 0),
    end_bytes   bigint      not null check (end_bytes >= 0),
    requests    bigint      not null default 0 check (requests >= 0),
    primary key (resource_id, hour_start)
);

-- Where a billable stretch ran (the resource's region or zone); usage.recorded carries it.
alter table usage_period add column location text;
