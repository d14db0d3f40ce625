-- The history of each entitlement as entitlement-events tell it: which offer prices its
-- usage and whether it may have usage, from when. Rating prices each part of a month with
-- the offer in force at the part's start (a change-offer inside a month splits it), and
-- the API refuses usage of an entitlement after it was cancelled or transferred away.
create table entitlement_version (
    account_id      text        not null,
    entitlement_id  text        not null,
    effective_from  timestamptz not null,
    customer_id     text        not null,
    offer           text,
    sku             text,
    state           text        not null,
    primary key (account_id, entitlement_id, effective_from)
);

-- Entitlements known before: their history is unknown, their current terms stand for it.
insert into entitlement_version (account_id, entitlement_id, effective_from, customer_id, offer, sku, state)
select account_id, entitlement_id, timestamptz '1970-01-01T00:00:00Z', customer_id, offer, sku, state
from entitlement;
