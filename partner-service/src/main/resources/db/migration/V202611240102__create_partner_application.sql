create table partner_application (
    id                           uuid        primary key,
    member_id                    uuid        not null references member (id),
    business_registration_number char(10)    not null,
    contact_name                 text        not null,
    contact_email                text        not null,
    contact_phone                text        not null,
    message                      text,
    state                        text        not null check (state in ('SUBMITTED', 'APPROVED', 'REJECTED')),
    reason                       text,
    account_id                   text        references partner_account (id),
    created_at                   timestamptz not null,
    decided_at                   timestamptz,
    decided_by                   text
);
-- one pending application per member, whatever two requests do at once
create unique index partner_application_one_pending on partner_application (member_id) where state = 'SUBMITTED';
create index partner_application_queue on partner_application (state, created_at, id);

-- Who did what to whom, for operators.
create table audit_log (
    id        uuid        primary key,
    time      timestamptz not null,
    actor     text        not null,
    action    text        not null,
    target    text        not null,
    details   jsonb       not null default '{}'
);
create index audit_log_by_target on audit_log (target, time, id);
create index audit_log_by_time on audit_log (time, id);
