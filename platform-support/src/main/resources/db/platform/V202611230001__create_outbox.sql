-- Transactional outbox and idempotent-consumer records, shared plumbing of every service
-- that publishes or consumes events (see platform-support's Outbox and ProcessedEvents).
create table platform_outbox (
    id           bigserial primary key,
    topic        text        not null,
    record_key   text,
    event_id     text        not null,
    payload      text        not null,
    traceparent  text,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
create index platform_outbox_unpublished on platform_outbox (id) where published_at is null;

create table platform_processed_event (
    consumer     text        not null,
    source       text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, source, event_id)
);
