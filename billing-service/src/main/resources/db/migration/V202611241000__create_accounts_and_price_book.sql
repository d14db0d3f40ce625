-- Projections of other services' events that rating needs: partner accounts with their
-- contract (partner-events), the price book and the entitlements (entitlement-events).
create table billing_account_contract (
    account_id               text        primary key,
    state                    text        not null default 'ACTIVE',
    supply_discount_percent  numeric(9, 6),
    currency_code            char(3),
    contract_reference       text,
    updated_at               timestamptz not null default now()
);

-- One row per offer, meter and version; a later effective_from is a new price version.
create table price_book_entry (
    offer                    text          not null,
    meter                    text          not null,
    effective_from           timestamptz   not null,
    sku                      text          not null,
    unit                     text          not null,
    list_price               numeric(24, 12) not null,
    currency_code            char(3)       not null,
    monthly_price            numeric(24, 12),
    primary key (offer, meter, effective_from)
);
create index price_book_entry_by_sku on price_book_entry (sku, meter, currency_code, effective_from);

create table entitlement (
    account_id               text        not null,
    entitlement_id           text        not null,
    customer_id              text        not null,
    offer                    text,
    sku                      text,
    state                    text        not null,
    updated_at               timestamptz not null default now(),
    primary key (account_id, entitlement_id)
);
