-- Ingestion receipts: one per accepted (source, id), the CloudEvents identity of a usage event.
create table usage_receipt (
    source       text        not null,
    event_id     text        not null,
    account_id   text        not null,
    received_at  timestamptz not null default now(),
    primary key (source, event_id)
);

-- Usage as consumed from usage-events; the unique key makes the consumer idempotent.
create table usage_record (
    account_id      text            not null,
    id              bigserial       not null,
    customer_id     text            not null,
    entitlement_id  text            not null,
    resource        text            not null,
    sku             text            not null,
    meter           text            not null,
    unit            text            not null,
    quantity        numeric(30, 12) not null,
    window_start    timestamptz     not null,
    window_end      timestamptz     not null,
    source          text            not null,
    event_id        text            not null,
    recorded_at     timestamptz     not null default now(),
    primary key (account_id, id),
    unique (account_id, source, event_id)
);
create index usage_record_by_window on usage_record (account_id, window_start);

-- Each started hour (day) in which a resource was billable, once, whatever the number of
-- events, replays or overlapping windows that reported it.
create table billable_hour (
    account_id      text        not null,
    resource        text        not null,
    sku             text        not null,
    meter           text        not null,
    hour_start      timestamptz not null,
    customer_id     text        not null,
    entitlement_id  text        not null,
    primary key (account_id, resource, sku, meter, hour_start)
);
create index billable_hour_by_time on billable_hour (account_id, hour_start);

create table billable_day (
    account_id      text        not null,
    resource        text        not null,
    sku             text        not null,
    meter           text        not null,
    day             date        not null,
    customer_id     text        not null,
    entitlement_id  text        not null,
    primary key (account_id, resource, sku, meter, day)
);
create index billable_day_by_time on billable_day (account_id, day);
