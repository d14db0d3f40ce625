-- Every account a billing run has settled for a month, with or without an invoice: an
-- account with nothing to charge at its month's run is billed for that month too, so
-- that usage of the month arriving later is charged on its next invoice as a correction
-- (before, no invoice meant that such usage was never charged, or was invoiced for the
-- old month by whoever ran it again), and a repeated run issues nothing for it.
create table billed_month (
    account_id  text        not null,
    month       char(7)     not null,
    -- real (database) time: late usage is what the roll-up received after it
    billed_at   timestamptz not null default now(),
    run_id      text,
    invoice_id  text,
    primary key (account_id, month)
);

insert into billed_month (account_id, month, billed_at, run_id, invoice_id)
select account_id, month, created_at, run_id, invoice_id from invoice;
