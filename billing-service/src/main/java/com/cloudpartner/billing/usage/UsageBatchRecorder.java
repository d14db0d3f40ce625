package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.config.BillingProperties;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a polled batch of usage events with a handful of set-based statements in one
 * transaction, with exactly the effect of recording each event in turn: usage records
 * unique per (account, source, id), a known id with another payload recorded as a
 * conflict and not applied, billable periods unique per resource, and the month roll-up
 * grown only by the periods that were new.
 */
@Service
class UsageBatchRecorder {

	private static final Logger log = LoggerFactory.getLogger(UsageBatchRecorder.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final ZoneId zone;

	private final ResourceAttributes attributes;

	UsageBatchRecorder(JdbcClient jdbc, JdbcTemplate batch, BillingProperties properties,
			ResourceAttributes attributes) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.zone = properties.zone();
		this.attributes = attributes;
	}

	/** Records the events; returns how many were new. */
	@Transactional
	int recordAll(List<UsageEvent> events) {
		Map<Key, Hashed> firsts = new LinkedHashMap<>();
		List<Hashed> repeats = new ArrayList<>();
		for (UsageEvent event : events) {
			Hashed hashed = new Hashed(event, fingerprint(event));
			if (firsts.putIfAbsent(Key.of(event), hashed) != null) {
				repeats.add(hashed);
			}
		}
		List<Hashed> candidates = new ArrayList<>(firsts.values());
		Set<Key> inserted = insertRecords(candidates);
		List<Hashed> added = candidates.stream().filter((h) -> inserted.contains(Key.of(h.event()))).toList();
		candidates.stream().filter((h) -> !inserted.contains(Key.of(h.event()))).forEach(repeats::add);
		recordConflicts(repeats);
		List<UsageEvent> hours = new ArrayList<>();
		List<UsageEvent> days = new ArrayList<>();
		List<UsageEvent> quantities = new ArrayList<>();
		for (Hashed h : added) {
			switch (h.event().unit()) {
				case HOUR -> {
					if (h.event().isBillable()) {
						hours.add(h.event());
					}
				}
				case DAY -> {
					if (h.event().isBillable()) {
						days.add(h.event());
					}
				}
				default -> quantities.add(h.event());
			}
		}
		recordHours(hours);
		recordDays(days);
		recordQuantities(quantities);
		this.attributes.record(added.stream().map(Hashed::event).toList());
		return added.size();
	}

	private Set<Key> insertRecords(List<Hashed> candidates) {
		if (candidates.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("""
				insert into usage_record (account_id, customer_id, entitlement_id, resource, sku, meter, unit, quantity,
				    window_start, window_end, source, event_id, payload_hash)
				select * from unnest(cast(:accounts as text[]), cast(:customers as text[]),
				    cast(:entitlements as text[]), cast(:resources as text[]), cast(:skus as text[]),
				    cast(:meters as text[]), cast(:units as text[]), cast(:quantities as numeric[]),
				    cast(:starts as timestamptz[]), cast(:ends as timestamptz[]), cast(:sources as text[]),
				    cast(:ids as text[]), cast(:hashes as text[]))
				on conflict (account_id, source, event_id) do nothing
				returning account_id, source, event_id""")
			.param("accounts", texts(candidates, (e) -> e.accountId()))
			.param("customers", texts(candidates, UsageEvent::customerId))
			.param("entitlements", texts(candidates, UsageEvent::entitlementId))
			.param("resources", texts(candidates, UsageEvent::subject))
			.param("skus", texts(candidates, UsageEvent::sku))
			.param("meters", texts(candidates, UsageEvent::meter))
			.param("units", texts(candidates, (e) -> e.unit().name()))
			.param("quantities", texts(candidates, (e) -> e.quantity().toPlainString()))
			.param("starts", texts(candidates, (e) -> e.windowStart().toString()))
			.param("ends", texts(candidates, (e) -> e.windowEnd().toString()))
			.param("sources", texts(candidates, UsageEvent::source))
			.param("ids", texts(candidates, UsageEvent::id))
			.param("hashes", candidates.stream().map(Hashed::hash).toArray(String[]::new))
			.query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list());
	}

	private void recordConflicts(List<Hashed> repeats) {
		if (repeats.isEmpty()) {
			return;
		}
		Map<Key, String> known = new HashMap<>();
		this.jdbc.sql("""
				select r.account_id, r.source, r.event_id, r.payload_hash from usage_record r
				join unnest(cast(:accounts as text[]), cast(:sources as text[]), cast(:ids as text[]))
				    as k(account_id, source, event_id)
				    on r.account_id = k.account_id and r.source = k.source and r.event_id = k.event_id""")
			.param("accounts", texts(repeats, UsageEvent::accountId))
			.param("sources", texts(repeats, UsageEvent::source))
			.param("ids", texts(repeats, UsageEvent::id))
			.query((rs, n) -> known.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getString(4)))
			.list();
		List<Object[]> conflicts = new ArrayList<>();
		for (Hashed repeat : repeats) {
			String hash = known.get(Key.of(repeat.event()));
			if (hash != null && !hash.equals(repeat.hash())) {
				UsageEvent e = repeat.event();
				conflicts.add(new Object[] { e.accountId(), e.source(), e.id(), repeat.hash(), canonical(e) });
				log.warn("Usage event {} from {} repeats a known id with another payload: recorded as a conflict, "
						+ "not applied", e.id(), e.source());
			}
		}
		if (!conflicts.isEmpty()) {
			this.batch.batchUpdate("insert into usage_conflict (account_id, source, event_id, payload_hash, payload) "
					+ "values (?, ?, ?, ?, ?) on conflict do nothing", conflicts);
		}
	}

	private void recordHours(List<UsageEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					with ev as (
					    select * from unnest(cast(:accounts as text[]), cast(:resources as text[]), cast(:skus as text[]),
					        cast(:meters as text[]), cast(:customers as text[]), cast(:entitlements as text[]),
					        cast(:firsts as timestamptz[]), cast(:lasts as timestamptz[]))
					        as t(account_id, resource, sku, meter, customer_id, entitlement_id, first_h, last_h)),
					added as (
					    insert into billable_hour (account_id, resource, sku, meter, hour_start, customer_id, entitlement_id)
					    select ev.account_id, ev.resource, ev.sku, ev.meter, h, ev.customer_id, ev.entitlement_id
					    from ev cross join lateral generate_series(ev.first_h, ev.last_h, interval '1 hour') h
					    on conflict do nothing
					    returning account_id, resource, sku, meter, hour_start, customer_id, entitlement_id)
					insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
					    units, first_at, last_at)
					select account_id, to_char(hour_start at time zone :zone, 'YYYY-MM'), customer_id, resource, sku, meter,
					    'HOUR', max(entitlement_id), count(*), min(hour_start), max(hour_start) + interval '1 hour'
					from added group by account_id, 2, customer_id, resource, sku, meter"""
					+ ROLL_UP)
			.param("accounts", texts(events, UsageEvent::accountId))
			.param("resources", texts(events, UsageEvent::subject))
			.param("skus", texts(events, UsageEvent::sku))
			.param("meters", texts(events, UsageEvent::meter))
			.param("customers", texts(events, UsageEvent::customerId))
			.param("entitlements", texts(events, UsageEvent::entitlementId))
			.param("firsts", texts(events, (e) -> BillablePeriods.firstHour(e.windowStart(), this.zone).toString()))
			.param("lasts", texts(events, (e) -> BillablePeriods.lastHour(e.windowEnd(), this.zone).toString()))
			.param("zone", this.zone.getId())
			.update();
	}

	private void recordDays(List<UsageEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					with ev as (
					    select * from unnest(cast(:accounts as text[]), cast(:resources as text[]), cast(:skus as text[]),
					        cast(:meters as text[]), cast(:customers as text[]), cast(:entitlements as text[]),
					        cast(:firsts as date[]), cast(:lasts as date[]))
					        as t(account_id, resource, sku, meter, customer_id, entitlement_id, first_d, last_d)),
					added as (
					    insert into billable_day (account_id, resource, sku, meter, day, customer_id, entitlement_id)
					    select ev.account_id, ev.resource, ev.sku, ev.meter, cast(d as date), ev.customer_id, ev.entitlement_id
					    from ev cross join lateral generate_series(ev.first_d, ev.last_d, interval '1 day') d
					    on conflict do nothing
					    returning account_id, resource, sku, meter, day, customer_id, entitlement_id)
					insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
					    units, first_at, last_at)
					select account_id, to_char(day, 'YYYY-MM'), customer_id, resource, sku, meter, 'DAY',
					    max(entitlement_id), count(*), cast(min(day) as timestamp) at time zone :zone,
					    cast(max(day) + 1 as timestamp) at time zone :zone
					from added group by account_id, 2, customer_id, resource, sku, meter"""
					+ ROLL_UP)
			.param("accounts", texts(events, UsageEvent::accountId))
			.param("resources", texts(events, UsageEvent::subject))
			.param("skus", texts(events, UsageEvent::sku))
			.param("meters", texts(events, UsageEvent::meter))
			.param("customers", texts(events, UsageEvent::customerId))
			.param("entitlements", texts(events, UsageEvent::entitlementId))
			.param("firsts", texts(events, (e) -> BillablePeriods.firstDay(e.windowStart(), this.zone).toString()))
			.param("lasts", texts(events, (e) -> BillablePeriods.lastDay(e.windowEnd(), this.zone).toString()))
			.param("zone", this.zone.getId())
			.update();
	}

	private void recordQuantities(List<UsageEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
				    units, first_at, last_at)
				select account_id, to_char(window_start at time zone :zone, 'YYYY-MM'), customer_id, resource, sku,
				    meter, max(unit), max(entitlement_id), sum(quantity), min(window_start), max(window_end)
				from unnest(cast(:accounts as text[]), cast(:customers as text[]), cast(:resources as text[]),
				    cast(:skus as text[]), cast(:meters as text[]), cast(:units as text[]),
				    cast(:entitlements as text[]), cast(:quantities as numeric[]), cast(:starts as timestamptz[]),
				    cast(:ends as timestamptz[]))
				    as q(account_id, customer_id, resource, sku, meter, unit, entitlement_id, quantity, window_start,
				    window_end)
				group by account_id, 2, customer_id, resource, sku, meter""" + ROLL_UP)
			.param("accounts", texts(events, UsageEvent::accountId))
			.param("customers", texts(events, UsageEvent::customerId))
			.param("resources", texts(events, UsageEvent::subject))
			.param("skus", texts(events, UsageEvent::sku))
			.param("meters", texts(events, UsageEvent::meter))
			.param("units", texts(events, (e) -> e.unit().name()))
			.param("entitlements", texts(events, UsageEvent::entitlementId))
			.param("quantities", texts(events, (e) -> e.quantity().toPlainString()))
			.param("starts", texts(events, (e) -> e.windowStart().toString()))
			.param("ends", texts(events, (e) -> e.windowEnd().toString()))
			.param("zone", this.zone.getId())
			.update();
	}

	static final String ROLL_UP = """

			on conflict (account_id, month, customer_id, resource, sku, meter) do update
			set units = usage_month.units + excluded.units, first_at = least(usage_month.first_at, excluded.first_at),
			    last_at = greatest(usage_month.last_at, excluded.last_at), entitlement_id = excluded.entitlement_id,
			    updated_at = clock_timestamp()""";

	/** What makes two events with the same id the same usage. */
	static String canonical(UsageEvent event) {
		return String.join("|", event.subject(), event.accountId(), event.customerId(), event.entitlementId(),
				event.sku(), event.meter(), event.unit().name(), event.quantity().stripTrailingZeros().toPlainString(),
				event.windowStart().toString(), event.windowEnd().toString());
	}

	static String fingerprint(UsageEvent event) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(event).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static <T> String[] texts(List<T> items, Function<UsageEvent, String> value) {
		return items.stream()
			.map((item) -> (item instanceof Hashed h) ? h.event() : (UsageEvent) item)
			.map(value)
			.toArray(String[]::new);
	}

	private record Key(String accountId, String source, String id) {

		static Key of(UsageEvent event) {
			return new Key(event.accountId(), event.source(), event.id());
		}

	}

	private record Hashed(UsageEvent event, String hash) {
	}

}
