-- The catalog: products, their SKUs (with the meters usage is reported on) and the
-- offers that price a SKU for a payment plan.
create table product (
    id           text        primary key,
    display_name text        not null,
    family       text        not null check (family in ('IAAS', 'LICENSE')),
    purchasable  boolean     not null,
    create_time  timestamptz not null
);

create table sku (
    product_id   text        not null references product (id),
    id           text        not null,
    display_name text        not null,
    meters       jsonb       not null,
    create_time  timestamptz not null,
    primary key (product_id, id)
);

create table offer (
    id                text          primary key,
    product_id        text          not null,
    sku_id            text          not null,
    display_name      text          not null,
    payment_plan      text          not null check (payment_plan in ('FLEXIBLE', 'COMMITMENT', 'TRIAL', 'FREE')),
    cycle_duration    integer       not null check (cycle_duration > 0),
    period_type       text          not null check (period_type in ('MONTH', 'YEAR')),
    currency          text          not null,
    monthly_price     numeric(25, 6) check (monthly_price >= 0),
    effective_from    timestamptz   not null,
    -- who may resell the offer; selected-partner lists come with the availability endpoints
    availability_mode text          not null default 'ANY_PARTNER'
        check (availability_mode in ('ANY_PARTNER', 'SELECTED_PARTNERS', 'NO_PARTNER')),
    create_time       timestamptz   not null,
    foreign key (product_id, sku_id) references sku (product_id, id)
);
create index offer_sku on offer (product_id, sku_id);

create table offer_price (
    offer_id   text           not null references offer (id),
    position   integer        not null,
    meter      text           not null,
    unit       text           not null check (unit in ('HOUR', 'DAY', 'MONTH', 'GB', 'COUNT', 'SEAT_MONTH')),
    list_price numeric(25, 6) not null check (list_price >= 0),
    primary key (offer_id, meter)
);
