-- OAuth2 clients (client_credentials). Secrets are random and high-entropy, so a salted
-- SHA-256 is enough (and fast on the token path); the secret itself is never stored.
create table api_client (
    client_id      text        primary key,
    account_id     text        references partner_account (id),
    secret_hash    text        not null,
    allowed_scopes text        not null,
    default_scope  text        not null,
    description    text,
    state          text        not null check (state in ('ACTIVE', 'REVOKED')),
    created_at     timestamptz not null,
    revoked_at     timestamptz
);
create index api_client_by_account on api_client (account_id, created_at, client_id);
