-- Catalog versions and availability, entitlement lifecycle (trials, commitment terms,
-- change history) and transfers between partners.

-- trials run for a number of days
alter table offer drop constraint offer_period_type_check;
alter table offer add constraint offer_period_type_check check (period_type in ('DAY', 'MONTH', 'YEAR'));

-- a price change applies from its effective time; usage before it keeps the older price
create table offer_price_version (
    offer_id       text           not null references offer (id),
    effective_time timestamptz    not null,
    prices         jsonb          not null,
    monthly_price  numeric(25, 6) check (monthly_price >= 0),
    create_time    timestamptz    not null,
    primary key (offer_id, effective_time)
);

-- the selected partners of a SELECTED_PARTNERS offer
create table offer_partner (
    offer_id   text not null references offer (id),
    account_id text not null,
    primary key (offer_id, account_id)
);

alter table entitlement add column trial_end_time timestamptz;
alter table entitlement add column commitment_end_time timestamptz;
create index entitlement_trial_end on entitlement (trial_end_time) where trial_end_time is not null;
create index entitlement_commitment_end on entitlement (commitment_end_time) where commitment_end_time is not null;
-- "has this partner resold the offer": any entitlement it ever created on it
create index entitlement_by_offer on entitlement (offer_id, account_id);

create table entitlement_change (
    account_id     text        not null,
    customer_id    text        not null,
    entitlement_id text        not null,
    seq            bigserial   not null,
    change_type    text        not null,
    actor          text        not null,
    reason         text,
    offer_id       text        not null,
    state          text        not null,
    parameters     jsonb       not null,
    change_time    timestamptz not null,
    primary key (account_id, customer_id, entitlement_id, seq)
);

create table transfer_token (
    token            text        primary key,
    account_id       text        not null,
    customer_id      text        not null,
    target_public_id text        not null,
    expire_time      timestamptz not null,
    used_time        timestamptz,
    create_time      timestamptz not null
);
create index transfer_token_by_customer on transfer_token (account_id, customer_id);

-- a customer imported under a new partner with a transfer token
create table customer_import (
    account_id       text        not null,
    customer_id      text        not null,
    from_account_id  text        not null,
    from_customer_id text        not null,
    transfer_token   text        not null unique,
    create_time      timestamptz not null,
    primary key (account_id, customer_id)
);
