-- IaaS resources under IAAS entitlements, the asynchronous jobs that change them, the
-- billable periods metering reads, and the hours already metered. No foreign keys to the
-- entitlement tables: those belong to another feature and the resource follows its
-- entitlement across transfers.
create table resource (
    account_id     text        not null,
    customer_id    text        not null,
    id             text        not null,
    kind           text        not null,
    entitlement_id text        not null,
    sku            text        not null,
    display_name   text        not null,
    state          text        not null,
    size_gb        integer,
    parent_id      text,
    attributes     jsonb       not null default '{}',
    provider_id    text,
    error          text,
    create_time    timestamptz not null,
    update_time    timestamptz not null,
    primary key (account_id, id)
);
create unique index resource_id on resource (id);
create index resource_by_customer on resource (account_id, customer_id, kind, create_time, id);
create index resource_by_entitlement on resource (account_id, entitlement_id);

create table job (
    account_id    text        not null,
    id            text        not null,
    customer_id   text        not null,
    type          text        not null,
    target        text        not null,
    resource_id   text        not null,
    state         text        not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by  text        not null,
    payload       jsonb       not null default '{}',
    attempts      integer     not null default 0,
    error_code    text,
    error_message text,
    create_time   timestamptz not null,
    start_time    timestamptz,
    finish_time   timestamptz,
    primary key (account_id, id)
);
create unique index job_id on job (id);
create index job_history on job (account_id, create_time desc, id desc);
create index job_queue on job (state, create_time) where state in ('QUEUED', 'RUNNING');
create index job_by_resource on job (resource_id, state);

-- A billable stretch of one resource with one owner, SKU and size; changes close the
-- period and open the next, so the owner of any past hour is known.
create table usage_period (
    resource_id    text        not null,
    started_at     timestamptz not null,
    ended_at       timestamptz,
    account_id     text        not null,
    customer_id    text        not null,
    entitlement_id text        not null,
    kind           text        not null,
    sku            text        not null,
    size_gb        integer,
    primary key (resource_id, started_at)
);
create index usage_period_open on usage_period (ended_at, started_at);

create table metered_hour (
    resource_id text        not null,
    meter       text        not null,
    hour_start  timestamptz not null,
    event_id    text        not null,
    primary key (resource_id, meter, hour_start)
);

create table metering_watermark (
    id          integer     primary key check (id = 1),
    metered_to  timestamptz not null
);

-- The simulated provider's own state: what "the cloud" holds, independent of the
-- platform's view of it.
create table sim_resource (
    id              text        primary key,
    kind            text        not null,
    owner           text        not null,
    state           text        not null,
    spec            text,
    size_gb         integer,
    password_hash   text,
    network_blocked boolean     not null default false,
    attached_to     text,
    settings        jsonb       not null default '{}',
    create_time     timestamptz not null
);
create index sim_resource_owner on sim_resource (owner, kind);

create table sim_traffic (
    resource_id  text        not null,
    hour_start   timestamptz not null,
    egress_bytes bigint      not null,
    primary key (resource_id, hour_start)
);

create table sim_fault (
    operation  text    primary key,
    remaining  integer not null check (remaining >= 0),
    error_code text    not null,
    message    text    not null
);
