package com.cloudpartner.billing.usage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.sql.BinaryCopyRows;
import com.cloudpartner.billing.usage.UsageIdentities.Keeping;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
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

	private final DataSource dataSource;

	private final ZoneId zone;

	private final ResourceAttributes attributes;

	private final UsageIdentities identities;

	UsageBatchRecorder(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource, BillingProperties properties,
			ResourceAttributes attributes, UsageIdentities identities) {
		this.identities = identities;
		this.dataSource = dataSource;
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
			Hashed hashed = Hashed.of(event);
			if (firsts.putIfAbsent(Key.of(event), hashed) != null) {
				repeats.add(hashed);
			}
		}
		List<Hashed> hours = new ArrayList<>();
		List<Hashed> days = new ArrayList<>();
		List<Hashed> records = new ArrayList<>();
		for (Hashed h : firsts.values()) {
			switch (Keeping.of(h.event())) {
				case HOURS -> hours.add(h);
				case DAYS -> days.add(h);
				default -> records.add(h);
			}
		}
		Set<Key> inserted = insertRecords(records);
		List<Hashed> added = new ArrayList<>();
		for (Hashed h : records) {
			(inserted.contains(Key.of(h.event())) ? added : repeats).add(h);
		}
		recordRecordConflicts(repeats.stream().filter((h) -> Keeping.of(h.event()) == Keeping.RECORD).toList());
		added.addAll(recordPeriods(hours, repeats, Keeping.HOURS));
		added.addAll(recordPeriods(days, repeats, Keeping.DAYS));
		recordQuantities(added.stream()
			.map(Hashed::event)
			.filter((e) -> e.unit() != MeterUnit.HOUR && e.unit() != MeterUnit.DAY)
			.toList());
		this.attributes.record(added.stream().map(Hashed::event).toList());
		return added.size();
	}

	private Set<Key> insertRecords(List<Hashed> candidates) {
		if (candidates.isEmpty()) {
			return new HashSet<>();
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
			.param("accounts", texts(candidates, UsageEvent::accountId))
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
			.param("hashes", candidates.stream().map((h) -> UsageIdentities.hex(h.digest())).toArray(String[]::new))
			.query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list());
	}

	/**
	 * A repeat of a recorded id with another payload is a conflict: recorded, not
	 * applied; a repeat with the same payload changes nothing.
	 */
	private void recordRecordConflicts(List<Hashed> repeats) {
		if (repeats.isEmpty()) {
			return;
		}
		Map<UsageEvent, String> stored = this.identities
			.storedRecordHashes(repeats.stream().map(Hashed::event).toList());
		recordConflicts(repeats.stream().filter((h) -> {
			String hash = stored.get(h.event());
			return hash != null && !hash.equals(UsageIdentities.hex(h.digest()));
		}).toList());
	}

	private void recordConflicts(List<Hashed> conflicting) {
		if (conflicting.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		for (Hashed h : conflicting) {
			UsageEvent e = h.event();
			rows.add(new Object[] { e.accountId(), e.source(), e.id(), UsageIdentities.hex(h.digest()),
					UsageIdentities.canonical(e) });
			log.warn("Usage event {} from {} repeats a known id with another payload: recorded as a conflict, "
					+ "not applied", e.id(), e.source());
		}
		this.batch.batchUpdate("insert into usage_conflict (account_id, source, event_id, payload_hash, payload) "
				+ "values (?, ?, ?, ?, ?) on conflict do nothing", rows);
	}

	/**
	 * Inserts a row per billable hour (day) the events cover, each carrying the identity
	 * of the event that reported it first; classifies the events that did not add every
	 * period they cover (and the batch's repeats of such events) by what the rows of
	 * their periods carry: a repeat, a conflict (its identity with another payload: what
	 * it added is taken back) or periods that other events had reported; then grows the
	 * month roll-up by the rows that stay. Returns the events that added periods.
	 */
	private List<Hashed> recordPeriods(List<Hashed> events, List<Hashed> repeats, Keeping keeping) {
		List<Hashed> repeated = repeats.stream().filter((h) -> Keeping.of(h.event()) == keeping).toList();
		if (events.isEmpty() && repeated.isEmpty()) {
			return List.of();
		}
		List<Period> rows = insertPeriods(events, keeping);
		Map<EventRef, List<Period>> byEvent = new HashMap<>();
		for (Period row : rows) {
			byEvent.computeIfAbsent(new EventRef(row.accountId(), row.eventKey()), (k) -> new ArrayList<>()).add(row);
		}
		List<Hashed> incomplete = new ArrayList<>(repeated);
		for (Hashed h : events) {
			List<Period> own = byEvent.getOrDefault(new EventRef(h.event().accountId(), h.key()), List.of());
			if (own.size() < this.identities.periodCount(h.event(), keeping)) {
				incomplete.add(h);
			}
		}
		Map<UsageEvent, Set<Long>> stored = this.identities
			.storedPayloads(incomplete.stream().map(Hashed::event).distinct().toList(), keeping);
		List<Hashed> conflicting = new ArrayList<>();
		List<Period> takenBack = new ArrayList<>();
		for (Hashed h : incomplete) {
			long own = UsageIdentities.shortHash(h.digest());
			if (stored.getOrDefault(h.event(), Set.of()).stream().anyMatch((hash) -> hash != own)) {
				conflicting.add(h);
				List<Period> added = byEvent.remove(new EventRef(h.event().accountId(), h.key()));
				if (added != null) {
					takenBack.addAll(added);
				}
			}
		}
		recordConflicts(conflicting);
		deletePeriods(takenBack, keeping);
		List<Period> kept = byEvent.values().stream().flatMap(List::stream).toList();
		rollUp(kept, keeping);
		return events.stream()
			.filter((h) -> byEvent.containsKey(new EventRef(h.event().accountId(), h.key())))
			.toList();
	}

	/**
	 * Inserts the events' periods; returns the rows inserted, built from the events (the
	 * statement returns only each row's account, event key and period start). One row per
	 * period ({@link UsageIdentities#firstPeriod} to {@link UsageIdentities#lastPeriod},
	 * {@link UsageIdentities#periodStep} apart).
	 * <p>
	 * First the rows are copied straight into the table ({@code COPY} in its binary
	 * format, {@link BinaryCopyRows}), under a savepoint: when no period is there yet, as
	 * for almost every batch (the API refuses the repeats it sees), that is all, and it
	 * costs PostgreSQL about half of an insert with {@code on conflict} (one heap write
	 * and one WAL record for many rows, no speculative insertion, no second table). A
	 * period already there, or twice in the batch, makes the copy fail as a whole: it is
	 * rolled back to the savepoint, and the rows go with {@code COPY} into a temporary
	 * table of the session, emptied at each commit, and are inserted from there with
	 * {@code on conflict do nothing}, which keeps the first (decision 0076, 0078).
	 */
	private List<Period> insertPeriods(List<Hashed> events, Keeping keeping) {
		if (events.isEmpty()) {
			return List.of();
		}
		List<Period> all = copyPeriods(events, keeping);
		if (all != null) {
			return all;
		}
		this.jdbc.sql(STAGE_TABLE).update();
		BinaryCopyRows staged = new BinaryCopyRows(11);
		Map<EventRef, Hashed> byRef = new HashMap<>();
		long step = UsageIdentities.periodStep(keeping);
		for (Hashed h : events) {
			UsageEvent e = h.event();
			long hash = UsageIdentities.shortHash(h.digest());
			long last = this.identities.lastPeriod(e, keeping);
			for (long p = this.identities.firstPeriod(e, keeping); p <= last; p += step) {
				staged.row()
					.int2(keeping.ordinal())
					.uuid(h.series())
					.text(e.accountId())
					.text(e.subject())
					.text(e.sku())
					.text(e.meter())
					.text(e.customerId())
					.text(e.entitlementId())
					.int8(p)
					.uuid(h.key())
					.int8(hash);
			}
			byRef.put(new EventRef(e.accountId(), h.key()), h);
		}
		staged.copy(this.dataSource, COPY_STAGED);
		String start = (keeping == Keeping.HOURS) ? "hour_start" : "cast(day as timestamp) at time zone :zone";
		String sql = "insert into " + UsageIdentities.table(keeping)
				+ " (series_key, account_id, resource, sku, meter, " + UsageIdentities.periodColumn(keeping)
				+ ", customer_id, entitlement_id, event_key, payload_hash) select t.series_key, t.account_id, t.resource,"
				+ " t.sku, t.meter, " + UsageIdentities.periodOf("t.p", keeping)
				+ ", t.customer_id, t.entitlement_id, t.event_key, t.payload_hash from usage_period_batch t"
				+ " where t.keeping = :keeping on conflict do nothing returning account_id, event_key,"
				+ " cast(extract(epoch from " + start + ") as bigint)";
		return this.jdbc.sql(sql)
			.param("keeping", keeping.ordinal())
			.param("zone", this.zone.getId())
			.query((rs, n) -> {
				Hashed h = byRef.get(new EventRef(rs.getString(1), rs.getObject(2, UUID.class)));
				UsageEvent e = h.event();
				return new Period(h.series(), e.accountId(), e.subject(), e.sku(), e.meter(),
						Instant.ofEpochSecond(rs.getLong(3)), e.customerId(), e.entitlementId(), h.key());
			})
			.list();
	}

	/**
	 * Copies every period of the events into the table under a savepoint; returns them,
	 * or {@code null}, with nothing written, when one of them was there already (or is
	 * twice in the batch).
	 */
	private List<Period> copyPeriods(List<Hashed> events, Keeping keeping) {
		BinaryCopyRows copied = new BinaryCopyRows(10);
		List<Period> periods = new ArrayList<>(events.size());
		long step = UsageIdentities.periodStep(keeping);
		for (Hashed h : events) {
			UsageEvent e = h.event();
			long hash = UsageIdentities.shortHash(h.digest());
			long last = this.identities.lastPeriod(e, keeping);
			for (long p = this.identities.firstPeriod(e, keeping); p <= last; p += step) {
				copied.row().uuid(h.series()).text(e.accountId()).text(e.subject()).text(e.sku()).text(e.meter());
				Instant start;
				if (keeping == Keeping.HOURS) {
					start = Instant.ofEpochSecond(p);
					copied.timestamptz(start);
				}
				else {
					LocalDate day = LocalDate.ofEpochDay(p);
					start = day.atStartOfDay(this.zone).toInstant();
					copied.date(day);
				}
				copied.text(e.customerId()).text(e.entitlementId()).uuid(h.key()).int8(hash);
				periods.add(new Period(h.series(), e.accountId(), e.subject(), e.sku(), e.meter(), start,
						e.customerId(), e.entitlementId(), h.key()));
			}
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				copied.copy(this.dataSource,
						"copy " + UsageIdentities.table(keeping) + " (series_key, account_id, resource, sku, meter, "
								+ UsageIdentities.periodColumn(keeping)
								+ ", customer_id, entitlement_id, event_key, payload_hash) from stdin (format binary)");
			}
			catch (DuplicateKeyException ex) {
				connection.rollback(savepoint);
				return null;
			}
			connection.releaseSavepoint(savepoint);
			return periods;
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Savepoint of a usage batch's periods failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	/**
	 * The session's table of the periods a batch stages for {@link #insertPeriods},
	 * emptied at each commit; created by the first batch of each connection.
	 */
	private static final String STAGE_TABLE = """
			create temporary table if not exists usage_period_batch (keeping smallint not null, series_key uuid not null,
			    account_id text not null, resource text not null, sku text not null, meter text not null,
			    customer_id text not null, entitlement_id text not null, p bigint not null, event_key uuid not null,
			    payload_hash bigint not null) on commit delete rows""";

	private static final String COPY_STAGED = """
			copy usage_period_batch (keeping, series_key, account_id, resource, sku, meter, customer_id, entitlement_id, p,
			    event_key, payload_hash) from stdin (format binary)""";

	/** Takes back the periods a conflicting event added in this transaction. */
	private void deletePeriods(List<Period> rows, Keeping keeping) {
		if (rows.isEmpty()) {
			return;
		}
		String sql = (keeping == Keeping.HOURS) ? """
				delete from billable_hour b
				using unnest(cast(:series as uuid[]), cast(:starts as timestamptz[])) as t(series_key, p)
				where b.series_key = t.series_key and b.hour_start = t.p""" : """
				delete from billable_day b
				using unnest(cast(:series as uuid[]), cast(:starts as timestamptz[])) as t(series_key, p)
				where b.series_key = t.series_key and b.day = cast(t.p at time zone :zone as date)""";
		this.jdbc.sql(sql)
			.param("series", rows.stream().map(Period::series).toArray(UUID[]::new))
			.param("starts", rows.stream().map((r) -> r.start().toString()).toArray(String[]::new))
			.param("zone", this.zone.getId())
			.update();
	}

	/**
	 * Grows the month roll-up by new periods: one row per series (account, resource, SKU
	 * and meter, under its compact key, {@link UsageIdentities#seriesKey}), month and
	 * customer, grouped here.
	 */
	private void rollUp(List<Period> rows, Keeping keeping) {
		if (rows.isEmpty()) {
			return;
		}
		Duration length = (keeping == Keeping.HOURS) ? Duration.ofHours(1) : null;
		// keyed by series (account, resource, SKU and meter), month and customer
		Map<RollKey, Roll> rolls = new LinkedHashMap<>();
		// a batch's periods fall in one month or two: the month is worked out once per
		// month
		Instant monthFrom = Instant.MAX;
		Instant monthTo = Instant.MIN;
		String month = null;
		for (Period row : rows) {
			if (row.start().isBefore(monthFrom) || !row.start().isBefore(monthTo)) {
				YearMonth of = YearMonth.from(row.start().atZone(this.zone));
				month = of.toString();
				monthFrom = of.atDay(1).atStartOfDay(this.zone).toInstant();
				monthTo = of.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
			}
			Instant end = (length != null) ? row.start().plus(length)
					: row.start().atZone(this.zone).plusDays(1).toInstant();
			rolls.merge(new RollKey(row.series(), month, row.customerId()),
					new Roll(row, row.entitlementId(), 1, row.start(), end), Roll::plus);
		}
		BinaryCopyRows staged = new BinaryCopyRows(11);
		rolls.forEach((key, roll) -> {
			Period row = roll.row();
			staged.row()
				.uuid(key.series())
				.text(row.accountId())
				.text(key.month())
				.text(key.customerId())
				.text(row.resource())
				.text(row.sku())
				.text(row.meter())
				.text(roll.entitlementId())
				.int8(roll.units())
				.timestamptz(roll.first())
				.timestamptz(roll.last());
		});
		this.jdbc.sql(ROLL_TABLE).update();
		staged.copy(this.dataSource, COPY_ROLLS);
		this.jdbc.sql("""
				with staged as (delete from usage_month_batch returning *)
				insert into usage_month (series_key, account_id, month, customer_id, resource, sku, meter, unit,
				    entitlement_id, units, first_at, last_at)
				select series_key, account_id, month, customer_id, resource, sku, meter, :unit, entitlement_id, units,
				    first_at, last_at
				from staged""" + ROLL_UP).param("unit", (keeping == Keeping.HOURS) ? "HOUR" : "DAY").update();
	}

	/**
	 * The session's table of the roll-up rows a batch grows, copied in binary
	 * ({@link #rollUp}) and taken out again by the statement that adds them up: under
	 * hourly usage spread over many resources a batch grows thousands of rows, and their
	 * ten arrays of parameters cost the consumer more to encode (and PostgreSQL to parse:
	 * timestamps in text) than the rows' bytes. Created by the first batch of each
	 * connection; a statement that found it there costs a catalog look-up.
	 */
	private static final String ROLL_TABLE = """
			create temporary table if not exists usage_month_batch (series_key uuid not null, account_id text not null,
			    month text not null, customer_id text not null, resource text not null, sku text not null,
			    meter text not null, entitlement_id text not null, units bigint not null,
			    first_at timestamptz not null, last_at timestamptz not null) on commit delete rows""";

	private static final String COPY_ROLLS = """
			copy usage_month_batch (series_key, account_id, month, customer_id, resource, sku, meter, entitlement_id,
			    units, first_at, last_at) from stdin (format binary)""";

	/** A billable hour (day, from its start in the billing zone) as inserted. */
	private record Period(UUID series, String accountId, String resource, String sku, String meter, Instant start,
			String customerId, String entitlementId, UUID eventKey) {
	}

	/** An event's identity within the batch: its account and event key. */
	private record EventRef(String accountId, UUID key) {
	}

	/** A month roll-up row: the series of its periods, its month and customer. */
	private record RollKey(UUID series, String month, String customerId) {
	}

	/**
	 * What a month roll-up row grows by; {@code row} is its first period, for the
	 * account, resource, SKU and meter.
	 */
	private record Roll(Period row, String entitlementId, long units, Instant first, Instant last) {

		Roll plus(Roll other) {
			// the entitlement of the greatest id, as max(entitlement_id) did in SQL
			String entitlement = (this.entitlementId.compareTo(other.entitlementId) >= 0) ? this.entitlementId
					: other.entitlementId;
			return new Roll(this.row, entitlement, this.units + other.units,
					this.first.isBefore(other.first) ? this.first : other.first,
					this.last.isAfter(other.last) ? this.last : other.last);
		}

	}

	private void recordQuantities(List<UsageEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into usage_month (series_key, account_id, month, customer_id, resource, sku, meter, unit,
				    entitlement_id, units, first_at, last_at)
				select series_key, account_id, to_char(window_start at time zone :zone, 'YYYY-MM'), customer_id,
				    resource, sku, meter, max(unit), max(entitlement_id), sum(quantity), min(window_start),
				    max(window_end)
				from unnest(cast(:series as uuid[]), cast(:accounts as text[]), cast(:customers as text[]),
				    cast(:resources as text[]), cast(:skus as text[]), cast(:meters as text[]), cast(:units as text[]),
				    cast(:entitlements as text[]), cast(:quantities as numeric[]), cast(:starts as timestamptz[]),
				    cast(:ends as timestamptz[]))
				    as q(series_key, account_id, customer_id, resource, sku, meter, unit, entitlement_id, quantity,
				    window_start, window_end)
				group by series_key, account_id, 3, customer_id, resource, sku, meter""" + ROLL_UP)
			.param("series", events.stream().map(UsageIdentities::seriesKey).toArray(UUID[]::new))
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

	/**
	 * Adds to a month roll-up row, found by the compact key of its series, month and
	 * customer (a 16-byte key first: the six text columns it replaced cost a third more
	 * per updated row, decision 0080).
	 */
	static final String ROLL_UP = """

			on conflict (series_key, month, customer_id) do update
			set units = usage_month.units + excluded.units, first_at = least(usage_month.first_at, excluded.first_at),
			    last_at = greatest(usage_month.last_at, excluded.last_at), entitlement_id = excluded.entitlement_id,
			    updated_at = clock_timestamp()""";

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

	/**
	 * An event with its identity key, payload digest and series key, computed once.
	 */
	private record Hashed(UsageEvent event, UUID key, byte[] digest, UUID series) {

		static Hashed of(UsageEvent event) {
			return new Hashed(event, UsageIdentities.eventKey(event), UsageIdentities.payloadDigest(event),
					(Keeping.of(event) != Keeping.RECORD) ? UsageIdentities.seriesKey(event) : null);
		}

	}

}
