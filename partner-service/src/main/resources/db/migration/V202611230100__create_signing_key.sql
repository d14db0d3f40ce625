-- RSA key pairs that sign the platform's tokens. Private keys are AES-GCM encrypted with a
-- key derived from platform.keys.encryption-secret; public keys are X.509 DER, base64.
create table signing_key (
    kid                   text        primary key,
    algorithm             text        not null default 'RS256',
    private_key_encrypted text        not null,
    public_key            text        not null,
    state                 text        not null check (state in ('ACTIVE', 'RETIRED')),
    created_at            timestamptz not null,
    retired_at            timestamptz,
    -- a retired key stays in the JWKS until every token it signed has expired
    expires_after         timestamptz
);
-- at most one active key, whatever several instances do at the same time
create unique index signing_key_one_active on signing_key (state) where state = 'ACTIVE';
