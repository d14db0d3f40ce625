package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.PriceVersion;
import com.cloudpartner.billing.rating.RatedLine;
import com.cloudpartner.billing.rating.RatingEngine;
import com.cloudpartner.billing.rating.RatingInput;
import com.cloudpartner.billing.rating.ResourceUsage;
import com.cloudpartner.support.test.TestPostgres;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying any subset of usage events, in any order, with duplicates, in any batches,
 * changes nothing: the real recorder (its SQL on a real PostgreSQL, without Kafka) and
 * the real rating engine give exactly the charges of the distinct started hours. Also a
 * month of a UTC billing zone, rated through the same path.
 */
class UsageReplayPropertiesIT {

	private static final String SKU = "products/replay/skus/vm";

	private static final PriceVersion PRICE = new PriceVersion("offers/replay", SKU, "vm-hours", MeterUnit.HOUR,
			new BigDecimal("45"), "KRW", new BigDecimal("30000"), Instant.parse("2020-01-01T00:00:00Z"));

	private static final Instant JUNE = Instant.parse("2026-05-31T15:00:00Z");

	private static DataSource dataSource;

	@BeforeContainer
	static void database() {
		TestPostgres.Database database = TestPostgres.createDatabase("billing_replay");
		dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration", "classpath:db/platform")
			.load()
			.migrate();
	}

	@Property(tries = 40)
	void replayingAnySubsetInAnyOrderChangesNothing(@ForAll("streams") List<Window> windows,
			@ForAll("seeds") long seed) {
		String account = "replay-" + UUID.randomUUID().toString().substring(0, 8);
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		List<UsageEvent> events = new ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			events.add(event(account, "ev-" + i, windows.get(i)));
		}
		Random random = new Random(seed);
		List<UsageEvent> once = new ArrayList<>(events);
		Collections.shuffle(once, random);
		record(seoul, once, random);
		List<RatedLine> first = rate(account, seoul);

		List<UsageEvent> replay = new ArrayList<>();
		for (UsageEvent event : events) {
			int copies = random.nextInt(3);
			for (int c = 0; c < copies; c++) {
				replay.add(event);
			}
		}
		Collections.shuffle(replay, random);
		record(seoul, replay, random);

		assertThat(rate(account, seoul)).isEqualTo(first);
		Map<String, Long> hours = distinctHours(windows);
		assertThat(unitsPerResource(account)).isEqualTo(hours);
		long total = hours.values().stream().mapToLong(Long::longValue).sum();
		assertThat(first.stream().map(RatedLine::quantity).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo(BigDecimal.valueOf(total));
	}

	/**
	 * Daily usage (licences) the same way: windows of any length from any minute, first
	 * recorded in random batches (a batch whose days are all new is copied straight into
	 * the table, one with a day it repeats falls back to the insert that keeps the
	 * first), then replayed; every day in Seoul that a window touches counts once per
	 * resource, in the billable days and in the month roll-up, across the month's end.
	 */
	@Property(tries = 25)
	void dailyUsageCountsEachTouchedDayOnce(@ForAll("dailyStreams") List<Span> spans, @ForAll("seeds") long seed) {
		String account = "daily-" + UUID.randomUUID().toString().substring(0, 8);
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		List<UsageEvent> events = new ArrayList<>();
		for (int i = 0; i < spans.size(); i++) {
			Span span = spans.get(i);
			events.add(new UsageEvent("day-" + i, "//licensing.test", span.resource(), null, account, "c1", "e1",
					"products/replay/skus/office", "seat-days", MeterUnit.DAY, BigDecimal.ONE, span.start(),
					span.start().plus(span.length())));
		}
		Random random = new Random(seed);
		record(seoul, events, random);
		List<UsageEvent> replay = new ArrayList<>(events);
		replay.addAll(events.subList(0, random.nextInt(events.size() + 1)));
		Collections.shuffle(replay, random);
		record(seoul, replay, random);

		Map<String, Set<LocalDate>> touched = new TreeMap<>();
		for (UsageEvent e : events) {
			// every minute of the window, and its last instant, by the calendar in Seoul
			Set<LocalDate> days = touched.computeIfAbsent(e.subject(), (r) -> new HashSet<>());
			for (Instant t = e.windowStart(); t.isBefore(e.windowEnd()); t = t.plusSeconds(60)) {
				days.add(t.atZone(seoul).toLocalDate());
			}
			days.add(e.windowEnd().minusNanos(1).atZone(seoul).toLocalDate());
		}
		Map<String, Long> expected = new TreeMap<>();
		touched.forEach((resource, days) -> expected.put(resource, (long) days.size()));
		Map<String, Long> stored = new TreeMap<>();
		JdbcClient.create(dataSource)
			.sql("select resource, count(*) from billable_day where account_id = :a group by resource")
			.param("a", account)
			.query((rs, n) -> stored.put(rs.getString(1), rs.getLong(2)))
			.list();
		Map<String, Long> rolledUp = new TreeMap<>();
		JdbcClient.create(dataSource)
			.sql("select resource, sum(units) from usage_month where account_id = :a and unit = 'DAY' group by resource")
			.param("a", account)
			.query((rs, n) -> rolledUp.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(stored).isEqualTo(expected);
		assertThat(rolledUp).isEqualTo(expected);
	}

	@Example
	void billsAUtcMonthFromUtcMidnightToUtcMidnight() {
		String account = "utc-" + UUID.randomUUID().toString().substring(0, 8);
		ZoneId utc = ZoneOffset.UTC;
		// all 720 hours of June in UTC (the monthly price), and srv-2 from 23:30 on May
		// 31st
		// to 02:00 on June 1st UTC: one started hour in May, two in June
		List<UsageEvent> events = List
			.of(event(account, "u-1", new Window("srv-1", Instant.parse("2026-06-01T00:00:00Z"), 720)), event(account,
					"u-2", "srv-2", Instant.parse("2026-05-31T23:30:00Z"), Instant.parse("2026-06-01T02:00:00Z")));
		record(utc, events, new Random(1));

		List<RatedLine> june = rate(account, utc, YearMonth.of(2026, 6));
		List<RatedLine> may = rate(account, utc, YearMonth.of(2026, 5));

		assertThat(june).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualByComparingTo("722");
			assertThat(line.costAtList()).isEqualByComparingTo("30090");
			assertThat(line.cost()).isEqualByComparingTo("24072");
		});
		assertThat(may).singleElement().satisfies((line) -> {
			assertThat(line.quantity()).isEqualByComparingTo("1");
			assertThat(line.costAtList()).isEqualByComparingTo("45");
			assertThat(line.cost()).isEqualByComparingTo("36");
		});
	}

	private static void record(ZoneId zone, List<UsageEvent> events, Random random) {
		JdbcTemplate template = new JdbcTemplate(dataSource);
		BillingProperties properties = new BillingProperties(zone, false, null, null, null, null);
		UsageBatchRecorder recorder = new UsageBatchRecorder(JdbcClient.create(dataSource), template, dataSource,
				properties, new ResourceAttributes(template, JsonMapper.builder().build()),
				new UsageIdentities(JdbcClient.create(dataSource), properties));
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		int at = 0;
		while (at < events.size()) {
			int size = 1 + random.nextInt(Math.min(7, events.size() - at));
			List<UsageEvent> batch = events.subList(at, at + size);
			transaction.executeWithoutResult((status) -> recorder.recordAll(batch));
			at += size;
		}
	}

	private static List<RatedLine> rate(String account, ZoneId zone) {
		return rate(account, zone, YearMonth.of(2026, 6));
	}

	/**
	 * The month as billing rates it: the consumer's roll-up through the rating engine.
	 */
	private static List<RatedLine> rate(String account, ZoneId zone, YearMonth month) {
		BillingMonth billingMonth = new BillingMonth(month, zone);
		List<ResourceUsage> usage = JdbcClient.create(dataSource)
			.sql("""
					select customer_id, resource, entitlement_id, sku, meter, unit, units, first_at, last_at
					from usage_month where account_id = :a and month = :m""")
			.param("a", account)
			.param("m", month.toString())
			.query((rs, n) -> new ResourceUsage(rs.getString(1), rs.getString(2), rs.getString(3), PRICE.offer(),
					rs.getString(4), rs.getString(5), MeterUnit.valueOf(rs.getString(6)), rs.getBigDecimal(7),
					rs.getObject(8, OffsetDateTime.class).toInstant(),
					rs.getObject(9, OffsetDateTime.class).toInstant()))
			.list();
		return new RatingEngine()
			.rate(new RatingInput(billingMonth, new Contract(new BigDecimal("20"), "KRW"), List.of(PRICE), usage,
					List.of(), Map.of()))
			.lines();
	}

	private static Map<String, Long> unitsPerResource(String account) {
		Map<String, Long> units = new TreeMap<>();
		JdbcClient.create(dataSource)
			.sql("select resource, count(*) from billable_hour where account_id = :a group by resource")
			.param("a", account)
			.query((rs, n) -> units.put(rs.getString(1), rs.getLong(2)))
			.list();
		return units;
	}

	private static Map<String, Long> distinctHours(List<Window> windows) {
		Map<String, Set<Instant>> hours = new TreeMap<>();
		for (Window window : windows) {
			for (int h = 0; h < window.hours(); h++) {
				hours.computeIfAbsent(window.resource(), (r) -> new HashSet<>())
					.add(window.start().plus(Duration.ofHours(h)));
			}
		}
		Map<String, Long> counts = new TreeMap<>();
		hours.forEach((resource, set) -> counts.put(resource, (long) set.size()));
		return counts;
	}

	private static UsageEvent event(String account, String id, Window window) {
		return event(account, id, window.resource(), window.start(),
				window.start().plus(Duration.ofHours(window.hours())));
	}

	private static UsageEvent event(String account, String id, String resource, Instant start, Instant end) {
		return new UsageEvent(id, "//metering.test", resource, null, account, "c1", "e1", SKU, "vm-hours",
				MeterUnit.HOUR, BigDecimal.ONE, start, end);
	}

	@Provide
	Arbitrary<List<Window>> streams() {
		Arbitrary<Window> window = Combinators
			.combine(Arbitraries.of("srv-1", "srv-2", "srv-3"), Arbitraries.integers().between(0, 719),
					Arbitraries.integers().between(1, 3))
			.as((resource, hour, hours) -> new Window(resource, JUNE.plus(Duration.ofHours(hour)),
					Math.min(hours, 720 - hour)));
		return window.list().ofMinSize(1).ofMaxSize(25);
	}

	/**
	 * Spans of daily usage: a resource, a start at any minute of June (Seoul) and a
	 * length of 1 minute to 3 days.
	 */
	@Provide
	Arbitrary<List<Span>> dailyStreams() {
		Arbitrary<Span> span = Combinators
			.combine(Arbitraries.of("lic-1", "lic-2"), Arbitraries.integers().between(0, 30 * 24 * 60 - 1),
					Arbitraries.integers().between(1, 3 * 24 * 60))
			.as((resource, minute, minutes) -> new Span(resource, JUNE.plus(Duration.ofMinutes(minute)),
					Duration.ofMinutes(minutes)));
		return span.list().ofMinSize(1).ofMaxSize(12);
	}

	@Provide
	Arbitrary<Long> seeds() {
		return Arbitraries.longs();
	}

	/** Hours of a resource's usage from a start, in June 2026 (Seoul). */
	record Window(String resource, Instant start, int hours) {
	}

	/** A resource's usage window of any length from a start, in June 2026 (Seoul). */
	record Span(String resource, Instant start, Duration length) {
	}

}
