-- Mails to send, written in the transaction of the change that causes them; one row per
-- (purpose, message_key), so the same mail is never queued twice.
create table mail_outbox (
    id              bigserial   primary key,
    purpose         text        not null,
    message_key     text        not null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    state           text        not null check (state in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    unique (purpose, message_key)
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where state = 'PENDING';
