-- What entitlement-service knows of partner-service's accounts, billing accounts and
-- customers, kept from the partner-events topic.
create table partner_account (
    id           text        primary key,
    public_id    text,
    display_name text,
    state        text        not null,
    currency     text,
    update_time  timestamptz not null
);

create table billing_account (
    account_id   text        not null,
    id           text        not null,
    display_name text        not null,
    currency     text        not null,
    region_code  text,
    update_time  timestamptz not null,
    primary key (account_id, id)
);

create table customer (
    account_id   text        not null,
    customer_id  text        not null,
    user_id      text,
    display_name text,
    deleted      boolean     not null default false,
    update_time  timestamptz not null,
    primary key (account_id, customer_id)
);
