create table partner_account (
    id                          text          primary key,
    public_id                   text          not null unique,
    display_name                text          not null,
    state                       text          not null check (state in ('ACTIVE', 'SUSPENDED')),
    contract_reference          text          not null,
    supply_discount_percent     numeric(5, 2) not null check (supply_discount_percent between 0 and 100),
    currency_code               char(3)       not null,
    contacts                    jsonb         not null default '[]',
    callback_url                text,
    console_login_url           text,
    console_session_ttl_minutes integer       not null default 30
        check (console_session_ttl_minutes between 5 and 1440),
    tax_contact                 jsonb,
    branding_display_name       text,
    branding_logo_url           text,
    branding_primary_color      text,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null
);

create table billing_account (
    account_id    text        not null references partner_account (id),
    id            text        not null,
    display_name  text        not null,
    currency_code char(3)     not null,
    region_code   text        not null,
    created_at    timestamptz not null,
    primary key (account_id, id)
);
