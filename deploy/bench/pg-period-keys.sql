-- PostgreSQL-only experiment of decision 0075 (docs/benchmarks.md): the cost of inserting billable
-- hours under the text primary key (wide), under a compact series key with the text columns kept
-- (wide2, what billing does now) and with them moved out (narrow).
-- createdb -h 127.0.0.1 -U postgres pgexp && psql -h 127.0.0.1 -U postgres -d pgexp -f deploy/bench/pg-period-keys.sql
-- then, with \timing on: call join_only(150); call fill('wide', 150); call fill('wide2', 150); call fill('narrow', 150);
-- (300,000 rows each; subtract join_only's time, the cost of generating the rows)
drop table if exists wide, wide2, narrow, series;
create table wide (
    account_id text not null, resource text not null, sku text not null, meter text not null,
    hour_start timestamptz not null, customer_id text not null, entitlement_id text not null,
    event_key uuid, payload_hash bigint,
    primary key (account_id, resource, sku, meter, hour_start));
create index wide_by_time on wide (account_id, hour_start);
create table series (series uuid primary key, account_id text not null, resource text not null, sku text not null, meter text not null);
create index series_by_account on series (account_id);
create table wide2 (
    series uuid not null, account_id text not null, resource text not null, sku text not null, meter text not null,
    hour_start timestamptz not null, customer_id text not null, entitlement_id text not null,
    event_key uuid, payload_hash bigint,
    primary key (series, hour_start));
create index wide2_by_time on wide2 (account_id, hour_start);
create table narrow (
    series uuid not null, hour_start timestamptz not null, customer_id text not null, entitlement_id text not null,
    event_key uuid, payload_hash bigint, primary key (series, hour_start));
-- 13,334 resources over 1,000 accounts
insert into series select md5('r' || r)::uuid, 'bench-acc-' || lpad((r % 1000)::text, 4, '0'),
  'accounts/bench-acc-' || lpad((r % 1000)::text, 4, '0') || '/customers/cust-' || (r % 3) || '/servers/srv-' || lpad(r::text, 6, '0'),
  'products/server-basic/skus/basic-2vcpu-4gb', 'vm-hours' from generate_series(1, 13334) r;
-- fill('wide' | 'wide2' | 'narrow', batches): batches of 2,000 rows, each in its own transaction
create or replace procedure fill(target text, batches int) language plpgsql as $$
declare
  b int;
  keys text := case target when 'wide' then 's.account_id, s.resource, s.sku, s.meter'
    when 'wide2' then 's.series, s.account_id, s.resource, s.sku, s.meter' else 's.series' end;
begin
  for b in 0 .. batches - 1 loop
    execute format($q$insert into %I select %s,
        timestamptz '2026-11-01 00:00+09' + (($1 * 2000 + i) / 13334) * interval '1 hour',
        'cust-' || (i %% 3), 'ent-' || (($1 * 2000 + i) %% 13334), gen_random_uuid(), (random() * 1e15)::bigint
      from generate_series(0, 1999) i join series s on s.series = md5('r' || ((($1 * 2000 + i) %% 13334) + 1))::uuid
      on conflict do nothing$q$, target, keys) using b;
    commit;
  end loop;
end $$;
create or replace procedure join_only(batches int) language plpgsql as $$
declare b int; n bigint;
begin
  for b in 0 .. batches - 1 loop
    select count(*) into n from generate_series(0, 1999) i join series s on s.series = md5('r' || (((b * 2000 + i) % 13334) + 1))::uuid;
    commit;
  end loop;
end $$;
