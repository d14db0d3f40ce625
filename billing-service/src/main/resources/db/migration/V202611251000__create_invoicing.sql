-- The payload fingerprint of each consumed usage event: a known (source, id) with another
-- payload is a conflict, recorded and never applied.
alter table usage_record add column payload_hash text;

create table usage_conflict (
    account_id    text        not null,
    source        text        not null,
    event_id      text        not null,
    payload_hash  text        not null,
    payload       text        not null,
    received_at   timestamptz not null default now(),
    primary key (account_id, source, event_id, payload_hash)
);

-- Month roll-up of usage per owner and resource, kept by the consumer in the transaction
-- that stores the billable periods: only periods new to billable_hour/billable_day add units.
create table usage_month (
    account_id      text            not null,
    month           char(7)         not null,
    customer_id     text            not null,
    resource        text            not null,
    sku             text            not null,
    meter           text            not null,
    unit            text            not null,
    entitlement_id  text            not null,
    units           numeric(30, 12) not null,
    first_at        timestamptz     not null,
    last_at         timestamptz     not null,
    updated_at      timestamptz     not null default clock_timestamp(),
    primary key (account_id, month, customer_id, resource, sku, meter)
);
create index usage_month_by_month on usage_month (month, account_id);

-- Supply discount history: a contract change applies from its effective time on.
create table contract_version (
    account_id               text          not null,
    effective_from           timestamptz   not null,
    supply_discount_percent  numeric(9, 6) not null,
    currency_code            char(3)       not null,
    contract_reference       text,
    primary key (account_id, effective_from)
);
insert into contract_version (account_id, effective_from, supply_discount_percent, currency_code, contract_reference)
select account_id, timestamptz '1970-01-01T00:00:00Z', supply_discount_percent, currency_code, contract_reference
from billing_account_contract where supply_discount_percent is not null and currency_code is not null;

create table repricing_config (
    account_id          text          not null,
    customer_id         text          not null,
    effective_month     char(7)       not null,
    rebilling_basis     text          not null,
    adjustment_percent  numeric(9, 4) not null,
    sku_group_overrides text          not null default '[]',
    updated_at          timestamptz   not null default now(),
    primary key (account_id, customer_id, effective_month)
);

create table billing_run (
    id               text        primary key,
    month            char(7)     not null,
    account_filter   text,
    state            text        not null,
    invoices_issued  integer     not null default 0,
    failures         integer     not null default 0,
    trigger          text        not null,
    created_at       timestamptz not null,
    finished_at      timestamptz
);

create table invoice (
    account_id    text            not null,
    invoice_id    text            not null,
    month         char(7)         not null,
    state         text            not null,
    currency_code char(3)         not null,
    subtotal      numeric(24, 6)  not null,
    credits       numeric(24, 6)  not null,
    tax           numeric(24, 6)  not null,
    total         numeric(24, 6)  not null,
    paid          numeric(24, 6)  not null default 0,
    issued_at     timestamptz     not null,
    due_at        timestamptz     not null,
    run_id        text,
    -- real (database) time of issue: late usage is what the roll-up received after it
    created_at    timestamptz     not null default now(),
    primary key (account_id, invoice_id),
    unique (account_id, month)
);
create index invoice_by_month on invoice (month, account_id);
create index invoice_open_by_due on invoice (due_at) where state = 'ISSUED';

-- Lines: REGULAR (the month's usage per customer, SKU and meter), USAGE_CORRECTION (late
-- usage of an invoiced month, pointing at it) and ADJUSTMENT (granted by an operator).
create table invoice_line (
    account_id            text            not null,
    invoice_id            text            not null,
    line_no               integer         not null,
    kind                  text            not null,
    usage_month           char(7)         not null,
    customer_id           text,
    sku                   text,
    meter                 text,
    quantity              numeric(30, 12),
    cost_at_list          numeric(24, 6)  not null,
    cost                  numeric(24, 6)  not null,
    customer_cost         numeric(24, 6)  not null,
    adjustment_id         text,
    adjustment_type       text,
    description           text,
    corrects_invoice_line text,
    primary key (account_id, invoice_id, line_no)
);
create index invoice_line_by_usage on invoice_line (account_id, usage_month, customer_id, sku, meter);

-- The resources behind a line, with exact (unrounded) amounts: the export's rows.
create table invoice_line_item (
    account_id        text            not null,
    invoice_id        text            not null,
    line_no           integer         not null,
    item_no           integer         not null,
    resource          text            not null,
    entitlement_id    text,
    offer             text,
    usage_start       timestamptz,
    usage_end         timestamptz,
    unit              text,
    quantity          numeric(30, 12) not null,
    list_price        numeric(24, 12),
    monthly_price     numeric(24, 12),
    cost_at_list      numeric(30, 12) not null,
    cost              numeric(30, 12) not null,
    customer_cost     numeric(30, 12) not null,
    repricing_config  text,
    primary key (account_id, invoice_id, line_no, item_no)
);

create table credit (
    account_id    text           not null,
    credit_id     text           not null,
    type          text           not null,
    amount        numeric(24, 6) not null,
    remaining     numeric(24, 6) not null,
    currency_code char(3)        not null,
    description   text,
    expire_time   timestamptz,
    created_at    timestamptz    not null,
    primary key (account_id, credit_id)
);

create table invoice_credit (
    account_id  text           not null,
    invoice_id  text           not null,
    credit_id   text           not null,
    amount      numeric(24, 6) not null,
    primary key (account_id, invoice_id, credit_id)
);

create table adjustment (
    account_id            text           not null,
    adjustment_id         text           not null,
    type                  text           not null,
    amount                numeric(24, 6) not null,
    currency_code         char(3)        not null,
    month                 char(7),
    description           text,
    corrects_invoice_line text,
    created_at            timestamptz    not null,
    invoice_id            text,
    primary key (account_id, adjustment_id)
);

create table payment (
    account_id   text           not null,
    payment_id   text           not null,
    invoice_id   text           not null,
    amount       numeric(24, 6) not null,
    method       text           not null,
    document     text           not null,
    tax_contact  text,
    paid_at      timestamptz    not null,
    primary key (account_id, payment_id)
);

-- Roll up usage consumed before this migration (billing zone of the local run: Asia/Seoul).
insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id, units, first_at, last_at)
select account_id, to_char(hour_start at time zone 'Asia/Seoul', 'YYYY-MM'), customer_id, resource, sku, meter, 'HOUR',
    max(entitlement_id), count(*), min(hour_start), max(hour_start) + interval '1 hour'
from billable_hour group by 1, 2, 3, 4, 5, 6;
insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id, units, first_at, last_at)
select account_id, to_char(day, 'YYYY-MM'), customer_id, resource, sku, meter, 'DAY', max(entitlement_id), count(*),
    cast(min(day) as timestamp) at time zone 'Asia/Seoul', cast(max(day) + 1 as timestamp) at time zone 'Asia/Seoul'
from billable_day group by 1, 2, 3, 4, 5, 6;
insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id, units, first_at, last_at)
select account_id, to_char(window_start at time zone 'Asia/Seoul', 'YYYY-MM'), customer_id, resource, sku, meter,
    max(unit), max(entitlement_id), sum(quantity), min(window_start), max(window_end)
from usage_record where unit not in ('HOUR', 'DAY') group by 1, 2, 3, 4, 5, 6;
