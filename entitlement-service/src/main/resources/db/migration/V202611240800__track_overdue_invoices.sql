-- The state of each of a partner's invoices as billing-service last reported it
-- (invoice.overdue, invoice.paid): PAYMENT_OVERDUE is lifted once none is OVERDUE. PAID
-- is final, so an overdue notice that arrives after the payment changes nothing.
create table billing_invoice (
    account_id  text        not null,
    invoice_id  text        not null,
    state       text        not null check (state in ('OVERDUE', 'PAID')),
    update_time timestamptz not null,
    primary key (account_id, invoice_id)
);
create index billing_invoice_overdue on billing_invoice (account_id) where state = 'OVERDUE';
