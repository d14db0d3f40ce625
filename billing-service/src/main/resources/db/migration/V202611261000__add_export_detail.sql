-- The export's hourly rows: what each resource item would cost by its units alone, before
-- the full-month rule and the monthly cap (the difference is shown as a
-- SUSTAINED_USAGE_DISCOUNT credit). Null on items issued before this column existed:
-- those items export without such a credit.
alter table invoice_line_item add column gross_cost_at_list numeric(30, 12);
alter table invoice_line_item add column gross_cost numeric(30, 12);
alter table invoice_line_item add column gross_customer_cost numeric(30, 12);

-- Customers as partner-service announces them on partner-events (customer.created,
-- customer.deleted): the export's project.*, customer_correlation_id. A deleted customer
-- keeps its row, so months billed before the deletion still export its name.
create table customer (
    account_id      text        not null,
    customer_id     text        not null,
    user_id         text,
    display_name    text,
    correlation_id  text,
    created_at      timestamptz,
    deleted_at      timestamptz,
    updated_at      timestamptz not null default now(),
    primary key (account_id, customer_id)
);

-- The latest location and labels a metering source reported for a resource (optional
-- fields of usage.recorded): the export's location.* and labels.
create table resource_attribute (
    account_id  text        not null,
    resource    text        not null,
    location    text,
    labels      text,
    updated_at  timestamptz not null default now(),
    primary key (account_id, resource)
);
