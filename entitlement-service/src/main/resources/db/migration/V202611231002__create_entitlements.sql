-- Entitlements, the long-running operations that change them, and the idempotency keys
-- of creating POSTs.
create table entitlement (
    account_id         text        not null,
    customer_id        text        not null,
    id                 text        not null,
    offer_id           text        not null references offer (id),
    sku                text        not null,
    state              text        not null check (state in ('ACTIVE', 'SUSPENDED', 'CANCELLED')),
    suspension_reasons jsonb       not null default '[]',
    parameters         jsonb       not null default '[]',
    billing_account_id text        not null,
    purchase_order_id  text,
    create_time        timestamptz not null,
    update_time        timestamptz not null,
    primary key (account_id, customer_id, id)
);
create index entitlement_by_customer on entitlement (account_id, customer_id, create_time, id);

create table operation (
    account_id  text        not null,
    id          text        not null,
    type        text        not null,
    target      text        not null,
    done        boolean     not null,
    response    jsonb,
    error       jsonb,
    create_time timestamptz not null,
    primary key (account_id, id)
);
-- operations/{id} is looked up by id alone; the owner check follows the read
create unique index operation_id on operation (id);

create table idempotency_key (
    owner           text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response        jsonb,
    create_time     timestamptz not null,
    primary key (owner, idempotency_key)
);
