-- a commitment renews at the end of its term unless the partner turned renewal off
alter table entitlement add column renewal_enabled boolean not null default true;
