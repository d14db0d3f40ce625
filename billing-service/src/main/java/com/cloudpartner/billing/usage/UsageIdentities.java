package com.cloudpartner.billing.usage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import com.cloudpartner.billing.config.BillingProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where the platform keeps the identity of usage it recorded (decision 0070): billable
 * hourly and daily usage in its {@code billable_hour} / {@code billable_day} rows (the
 * identity of the event that first reported the period, and a hash of its payload), all
 * other usage (quantities, and hours or days of zero quantity) in {@code usage_record},
 * keyed by account, source and id. Billable periods are unique per series (account,
 * resource, SKU, meter: {@link #seriesKey}) and period.
 */
@Repository
class UsageIdentities {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	UsageIdentities(JdbcClient jdbc, BillingProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone();
	}

	/** How an event's identity is kept. */
	enum Keeping {

		/** a row of {@code billable_hour} per hour it covers */
		HOURS,

		/** a row of {@code billable_day} per day it covers */
		DAYS,

		/** a row of {@code usage_record} */
		RECORD;

		static Keeping of(UsageEvent event) {
			if (!event.isBillable()) {
				return RECORD;
			}
			return switch (event.unit()) {
				case HOUR -> HOURS;
				case DAY -> DAYS;
				default -> RECORD;
			};
		}

	}

	/** The events among these that were recorded before (whatever their payload then). */
	Set<UsageEvent> recorded(Collection<UsageEvent> events) {
		List<UsageEvent> hours = new ArrayList<>();
		List<UsageEvent> days = new ArrayList<>();
		List<UsageEvent> records = new ArrayList<>();
		for (UsageEvent event : events) {
			switch (Keeping.of(event)) {
				case HOURS -> hours.add(event);
				case DAYS -> days.add(event);
				default -> records.add(event);
			}
		}
		Set<UsageEvent> known = new HashSet<>();
		known.addAll(carried(hours, Keeping.HOURS));
		known.addAll(carried(days, Keeping.DAYS));
		known.addAll(storedRecordHashes(records).keySet());
		return known;
	}

	/**
	 * The hourly (daily) events whose identity a row of one of their periods carries: a
	 * range of the primary key per event, up to the first row that carries it (the API
	 * only asks whether the event was recorded, not with which payloads).
	 */
	private List<UsageEvent> carried(List<UsageEvent> events, Keeping keeping) {
		if (events.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(recordedQuery(keeping))
			.params(eventParams(events, keeping))
			.query((rs, n) -> events.get(rs.getInt(1) - 1))
			.list();
	}

	/**
	 * The numbers {@code i} of the events {@link #EVENTS} whose identity a row of one of
	 * their periods carries.
	 */
	static String recordedQuery(Keeping keeping) {
		return "select t.i from " + EVENTS + " cross join lateral (select 1 from " + carrying(keeping) + " limit 1) b";
	}

	/**
	 * The numbers {@code i} of the events {@link #EVENTS} with the payload hash of each
	 * row of their periods that carries their identity.
	 */
	static String storedPayloadsQuery(Keeping keeping) {
		return "select distinct t.i, b.payload_hash from " + EVENTS + " cross join lateral (select b.payload_hash from "
				+ carrying(keeping) + " offset 0) b";
	}

	/**
	 * For each hourly (daily) event whose identity some billable rows carry, the payload
	 * hashes stored with it (more than one only when a conflicting payload added periods
	 * in the transaction asking): a range of the primary key per event.
	 */
	Map<UsageEvent, Set<Long>> storedPayloads(List<UsageEvent> events, Keeping keeping) {
		if (events.isEmpty()) {
			return Map.of();
		}
		Map<UsageEvent, Set<Long>> stored = new HashMap<>();
		this.jdbc.sql(storedPayloadsQuery(keeping))
			.params(eventParams(events, keeping))
			.query((rs, n) -> stored.computeIfAbsent(events.get(rs.getInt(1) - 1), (e) -> new HashSet<>())
				.add(rs.getLong(2)))
			.list();
		return stored;
	}

	/**
	 * The hourly (daily) events as rows {@code t}, numbered {@code i} from 1 in list
	 * order; {@link #eventParams} binds them.
	 */
	private static final String EVENTS = """
			unnest(cast(:series as uuid[]), cast(:firsts as bigint[]), cast(:lasts as bigint[]), cast(:keys as uuid[]))
			    with ordinality as t(series_key, first_p, last_p, event_key, i)""";

	private Map<String, Object> eventParams(List<UsageEvent> events, Keeping keeping) {
		return Map.of("series", uuidArray(events, UsageIdentities::seriesKey), "firsts",
				numbers(events, (e) -> firstPeriod(e, keeping)), "lasts",
				numbers(events, (e) -> lastPeriod(e, keeping)), "keys", uuidArray(events, UsageIdentities::eventKey));
	}

	/**
	 * The events' keys as the text of a PostgreSQL array, for
	 * {@code cast(... as uuid[])}: PgJDBC binds a {@code UUID[]} as text too, but escapes
	 * every element character by character (~5 % of the API's samples in the ingestion
	 * benchmark's profile), and a UUID's text needs no escaping.
	 */
	static String uuidArray(List<UsageEvent> events, Function<UsageEvent, UUID> key) {
		StringBuilder text = new StringBuilder(2 + 37 * events.size()).append('{');
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(key.apply(events.get(i)));
		}
		return text.append('}').toString();
	}

	/**
	 * The rows {@code b} of the periods of an event {@code t} that carry its identity:
	 * the primary key's range of its series from its first to its last period. (A join
	 * with a generated series of its periods made the planner read every period of the
	 * series, some 700 rows per event late in a month, and filter them by the event's
	 * key.) The callers read it in a lateral subquery with {@code limit} or
	 * {@code offset 0}, so that it stays one index range per event: as a plain
	 * {@code exists} the planner may turn it into a hash semi-join over the whole table
	 * (it did, with PgJDBC's prepared statements, in the paced benchmark).
	 */
	private static String carrying(Keeping keeping) {
		String column = "b." + periodColumn(keeping);
		return table(keeping) + " b where b.series_key = t.series_key and " + column + " >= "
				+ periodOf("t.first_p", keeping) + " and " + column + " <= " + periodOf("t.last_p", keeping)
				+ " and b.event_key = t.event_key";
	}

	/** A period bound of {@link #firstPeriod} as its table's column holds it. */
	static String periodOf(String bound, Keeping keeping) {
		return (keeping == Keeping.HOURS) ? "to_timestamp(" + bound + ")"
				: "date '1970-01-01' + cast(" + bound + " as integer)";
	}

	/**
	 * The distance between two periods as {@link #firstPeriod} counts them: an hour of
	 * 3,600 seconds (an hour is that long in any zone) or a day.
	 */
	static long periodStep(Keeping keeping) {
		return (keeping == Keeping.HOURS) ? 3600 : 1;
	}

	/** The table of billable periods of hourly (daily) usage. */
	static String table(Keeping keeping) {
		return (keeping == Keeping.HOURS) ? "billable_hour" : "billable_day";
	}

	/** The column of that table that holds the period. */
	static String periodColumn(Keeping keeping) {
		return (keeping == Keeping.HOURS) ? "hour_start" : "day";
	}

	/**
	 * For each event kept in {@code usage_record} that is there, the payload hash stored
	 * with it: one primary-key probe per event (a lateral lookup; a join let the planner
	 * hash the whole table for a batch, a cost that grew with it).
	 */
	Map<UsageEvent, String> storedRecordHashes(List<UsageEvent> events) {
		if (events.isEmpty()) {
			return Map.of();
		}
		Map<UsageEvent, String> stored = new HashMap<>();
		this.jdbc.sql("""
				select t.i, r.payload_hash
				from unnest(cast(:accounts as text[]), cast(:sources as text[]), cast(:ids as text[]))
				    with ordinality as t(account_id, source, event_id, i)
				cross join lateral (select r.payload_hash from usage_record r
				    where r.account_id = t.account_id and r.source = t.source and r.event_id = t.event_id limit 1) r""")
			.param("accounts", texts(events, UsageEvent::accountId))
			.param("sources", texts(events, UsageEvent::source))
			.param("ids", texts(events, UsageEvent::id))
			.query((rs, n) -> stored.put(events.get(rs.getInt(1) - 1), rs.getString(2)))
			.list();
		return stored;
	}

	/** How many hours (days) the event covers. */
	long periodCount(UsageEvent event, Keeping keeping) {
		if (keeping == Keeping.HOURS) {
			return Duration
				.between(BillablePeriods.firstHour(event.windowStart(), this.zone),
						BillablePeriods.lastHour(event.windowEnd(), this.zone))
				.toHours() + 1;
		}
		return ChronoUnit.DAYS.between(BillablePeriods.firstDay(event.windowStart(), this.zone),
				BillablePeriods.lastDay(event.windowEnd(), this.zone)) + 1;
	}

	/**
	 * The first hour's start (epoch seconds) or first day (epoch days) the event covers.
	 */
	long firstPeriod(UsageEvent event, Keeping keeping) {
		return (keeping == Keeping.HOURS) ? BillablePeriods.firstHour(event.windowStart(), this.zone).getEpochSecond()
				: BillablePeriods.firstDay(event.windowStart(), this.zone).toEpochDay();
	}

	/**
	 * The last hour's start (epoch seconds) or last day (epoch days) the event covers.
	 */
	long lastPeriod(UsageEvent event, Keeping keeping) {
		return (keeping == Keeping.HOURS) ? BillablePeriods.lastHour(event.windowEnd(), this.zone).getEpochSecond()
				: BillablePeriods.lastDay(event.windowEnd(), this.zone).toEpochDay();
	}

	/**
	 * The key of an event's series, under which its billable periods are unique: 128 bits
	 * of SHA-256 over the account, resource, SKU and meter, each as its UTF-8 length in
	 * decimal, a colon and its UTF-8 bytes; the database's {@code usage_series_key}
	 * computes the same.
	 */
	static UUID seriesKey(UsageEvent event) {
		return seriesKey(event.accountId(), event.subject(), event.sku(), event.meter());
	}

	static UUID seriesKey(String accountId, String resource, String sku, String meter) {
		LastSeries last = LAST_SERIES.get();
		if (last.key != null && resource.equals(last.resource) && accountId.equals(last.accountId)
				&& sku.equals(last.sku) && meter.equals(last.meter)) {
			return last.key;
		}
		UUID key = lengthPrefixedKey(accountId, resource, sku, meter);
		last.accountId = accountId;
		last.resource = resource;
		last.sku = sku;
		last.meter = meter;
		last.key = key;
		return key;
	}

	/**
	 * The series a thread hashed last, with its key: a batch that reports many hours of a
	 * resource in a row (a backfill, the ingestion benchmark's usual load) names the same
	 * series event after event, and its key (~450 ns,
	 * {@code deploy/bench/billing-bench.sh
	 * keys}) is then four string comparisons. Events spread over resources miss at the
	 * first comparison that differs.
	 */
	private static final class LastSeries {

		String accountId;

		String resource;

		String sku;

		String meter;

		UUID key;

	}

	private static final ThreadLocal<LastSeries> LAST_SERIES = ThreadLocal.withInitial(LastSeries::new);

	/**
	 * The identity of an event, (account, source, id), in 128 bits: the first half of the
	 * SHA-256 of the three, each prefixed by its length in UTF-8 bytes (as
	 * {@link #seriesKey}), so that no two identities share their hashed text.
	 */
	static UUID identityKey(UsageEvent event) {
		return lengthPrefixedKey(event.accountId(), event.source(), event.id());
	}

	private static UUID lengthPrefixedKey(String... parts) {
		MessageDigest digest = SHA_256.get();
		for (String part : parts) {
			byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
			digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
			digest.update((byte) ':');
			digest.update(bytes);
		}
		// digest() resets the instance for the next use
		ByteBuffer hash = ByteBuffer.wrap(digest.digest());
		return new UUID(hash.getLong(), hash.getLong());
	}

	/**
	 * The identity of an event within its account: 128 bits of SHA-256 over its source
	 * and id.
	 */
	static UUID eventKey(UsageEvent event) {
		String source = event.source();
		String id = event.id();
		StringBuilder text = new StringBuilder(source.length() + 1 + id.length());
		ByteBuffer digest = ByteBuffer.wrap(sha256(text.append(source).append('\u0000').append(id)));
		return new UUID(digest.getLong(), digest.getLong());
	}

	/** What makes two events with the same id the same usage. */
	static String canonical(UsageEvent event) {
		return canonicalText(event).toString();
	}

	private static StringBuilder canonicalText(UsageEvent event) {
		StringBuilder text = new StringBuilder(256);
		text.append(event.subject())
			.append('|')
			.append(event.accountId())
			.append('|')
			.append(event.customerId())
			.append('|')
			.append(event.entitlementId())
			.append('|')
			.append(event.sku())
			.append('|')
			.append(event.meter())
			.append('|')
			.append(event.unit().name())
			.append('|')
			.append(event.quantity().stripTrailingZeros().toPlainString())
			.append('|');
		Rfc3339.append(text, event.windowStart()).append('|');
		return Rfc3339.append(text, event.windowEnd());
	}

	/** SHA-256 of {@link #canonical}: the payload as it matters. */
	static byte[] payloadDigest(UsageEvent event) {
		return sha256(canonicalText(event));
	}

	/**
	 * The hex form of a payload digest, as {@code usage_record} and conflicts keep it.
	 */
	static String hex(byte[] digest) {
		return HexFormat.of().formatHex(digest);
	}

	/** The 64 bits of a payload digest that billable rows keep. */
	static long shortHash(byte[] digest) {
		return ByteBuffer.wrap(digest).getLong();
	}

	/**
	 * A SHA-256 per thread: looking the algorithm up among the security providers cost
	 * more than hashing a short text (two digests per consumed event).
	 */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private static byte[] sha256(CharSequence text) {
		// digest() resets the instance for the next use
		return SHA_256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String[] texts(List<UsageEvent> events, Function<UsageEvent, String> value) {
		return events.stream().map(value).toArray(String[]::new);
	}

	static Long[] numbers(List<UsageEvent> events, ToLongFunction<UsageEvent> value) {
		Long[] numbers = new Long[events.size()];
		for (int i = 0; i < numbers.length; i++) {
			numbers[i] = value.applyAsLong(events.get(i));
		}
		return numbers;
	}

}
