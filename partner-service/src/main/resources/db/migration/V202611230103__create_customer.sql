create table customer (
    account_id     text        not null references partner_account (id),
    id             uuid        not null,
    user_id        text        not null,
    display_name   text        not null,
    email          text,
    correlation_id text,
    domain         text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    primary key (account_id, id)
);
create unique index customer_user_id on customer (account_id, lower(user_id));
create index customer_listing on customer (account_id, created_at, id);

-- projection of entitlement-events: which customers still hold an entitlement
create table customer_entitlement (
    account_id     text        not null,
    customer_id    text        not null,
    entitlement_id text        not null,
    state          text        not null,
    event_time     timestamptz not null,
    primary key (account_id, customer_id, entitlement_id)
);
