-- Company members (DOMAIN.md section 2). Passwords are bcrypt hashes; e-mail tokens are
-- stored as SHA-256 of the token, never the token itself.
create table member (
    id                            uuid        primary key,
    login_id                      text        not null,
    password_hash                 text        not null,
    name                          text        not null,
    email                         text        not null,
    mobile_phone                  text        not null,
    landline_phone                text,
    company_name                  text        not null,
    business_registration_number  char(10)    not null,
    corporate_registration_number char(13)    not null,
    terms_agreed_at               timestamptz not null,
    privacy_agreed_at             timestamptz not null,
    marketing_email_agreed_at     timestamptz,
    state                         text        not null check (state in ('PENDING_VERIFICATION', 'ACTIVE')),
    account_id                    text        references partner_account (id),
    failed_logins                 integer     not null default 0,
    locked_until                  timestamptz,
    created_at                    timestamptz not null,
    updated_at                    timestamptz not null,
    verified_at                   timestamptz
);
create unique index member_login_id on member (lower(login_id));
create unique index member_email on member (lower(email));

create table member_token (
    token_hash text        primary key,
    member_id  uuid        not null references member (id),
    purpose    text        not null check (purpose in ('VERIFY_EMAIL', 'RESET_PASSWORD')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index member_token_by_member on member_token (member_id, purpose, expires_at);
