-- Responses of creating POSTs, by the caller's Idempotency-Key, per account.
create table idempotency_record (
    account_id      text        not null,
    idempotency_key text        not null,
    request_hash    text        not null,
    response_body   text,
    created_at      timestamptz not null,
    primary key (account_id, idempotency_key)
);
