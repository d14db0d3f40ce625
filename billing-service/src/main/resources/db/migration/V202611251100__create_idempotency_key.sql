-- Creating POSTs (credits, adjustments, payments, billing runs) remember their
-- Idempotency-Key per caller scope: the same key and body answer the first response again.
create table idempotency_key (
    scope         text        not null,
    key           text        not null,
    request_hash  text        not null,
    status        integer,
    body          text,
    created_at    timestamptz not null default now(),
    primary key (scope, key)
);
