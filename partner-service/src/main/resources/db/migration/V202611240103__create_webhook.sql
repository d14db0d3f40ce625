-- The HMAC secret of a partner's callbacks; the previous one keeps signing (as a second
-- v1 signature) for a day after a rotation, so the partner can switch without losing any.
create table webhook_secret (
    account_id           text        primary key references partner_account (id),
    secret               text        not null,
    previous_secret      text,
    previous_valid_until timestamptz,
    created_at           timestamptz not null
);

create table webhook_delivery (
    account_id      text        not null references partner_account (id),
    id              uuid        not null,
    event_source    text        not null,
    event_id        text        not null,
    event_type      text        not null,
    payload         text        not null,
    state           text        not null check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     not null default 0,
    last_status     integer,
    last_error      text,
    last_attempt_at timestamptz,
    next_attempt_at timestamptz,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    primary key (account_id, id),
    unique (account_id, event_source, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where state = 'PENDING';
create index webhook_delivery_listing on webhook_delivery (account_id, created_at, id);
