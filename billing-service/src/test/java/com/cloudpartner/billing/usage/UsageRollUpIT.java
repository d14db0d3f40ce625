package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.cloudpartner.billing.rating.MeterUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month roll-up the consumer keeps, against a count made here from the events alone:
 * batches that mix hourly, daily and quantity usage of many resources (the roll-up rows
 * of hours and of days are staged in one session table, one after the other, in the same
 * transaction), several batches in one transaction and in several, each hour and day of a
 * resource counted once however many events report it.
 */
class UsageRollUpIT {

	private static final String ACCOUNT = "롤업-1";

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	@Test
	void mixedBatchesRollUpToWhatTheEventsCover() {
		PGSimpleDataSource source = RecorderDatabase.create("billing_roll_up", "latest");
		UsageBatchRecorder recorder = RecorderDatabase.recorder(source);
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(source));
		Random random = new Random(20261207);
		Instant base = Instant.parse("2026-11-29T10:00:00Z");
		// expected units per resource, month and unit, counted from the events: each
		// hour (day) a resource reports once, whatever the number of events
		Map<String, Set<Instant>> hours = new HashMap<>();
		Map<String, Set<Instant>> days = new HashMap<>();
		Map<String, BigDecimal> quantities = new HashMap<>();
		for (int transactionNo = 0; transactionNo < 4; transactionNo++) {
			List<List<UsageEvent>> batches = new ArrayList<>();
			for (int batchNo = 0; batchNo < 3; batchNo++) {
				List<UsageEvent> batch = new ArrayList<>();
				for (int n = 0; n < 60; n++) {
					int resource = random.nextInt(12);
					switch (random.nextInt(3)) {
						case 0 -> {
							Instant start = base.plus(Duration.ofHours(random.nextInt(72)));
							int length = 1 + random.nextInt(3);
							String subject = subject("servers/s" + resource);
							batch.add(event(subject, "vm-hours", MeterUnit.HOUR, BigDecimal.ONE, start,
									start.plus(Duration.ofHours(length))));
							for (int h = 0; h < length; h++) {
								hours
									.computeIfAbsent(subject + "|" + month(start.plus(Duration.ofHours(h))),
											(k) -> new HashSet<>())
									.add(start.plus(Duration.ofHours(h)));
							}
						}
						case 1 -> {
							Instant start = base.atZone(SEOUL)
								.toLocalDate()
								.plusDays(random.nextInt(4))
								.atStartOfDay(SEOUL)
								.toInstant();
							String subject = subject("ips/i" + resource);
							batch.add(event(subject, "ip-days", MeterUnit.DAY, BigDecimal.ONE, start,
									start.plus(Duration.ofDays(1))));
							days.computeIfAbsent(subject + "|" + month(start), (k) -> new HashSet<>()).add(start);
						}
						default -> {
							Instant start = base.plus(Duration.ofHours(random.nextInt(72)));
							BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(500), 2);
							String subject = subject("buckets/b" + resource);
							batch.add(event(subject, "gb-stored", MeterUnit.GB, quantity, start,
									start.plus(Duration.ofHours(1))));
							quantities.merge(subject + "|" + month(start), quantity, BigDecimal::add);
						}
					}
				}
				batches.add(batch);
			}
			transaction.executeWithoutResult((status) -> batches.forEach(recorder::recordAll));
		}
		Map<String, BigDecimal> expected = new HashMap<>();
		hours.forEach((key, set) -> expected.put(key, BigDecimal.valueOf(set.size())));
		days.forEach((key, set) -> expected.put(key, BigDecimal.valueOf(set.size())));
		expected.putAll(quantities);
		Map<String, BigDecimal> rolledUp = new HashMap<>();
		JdbcClient.create(source)
			.sql("select resource, month, units from usage_month where account_id = :a")
			.param("a", ACCOUNT)
			.query((rs, n) -> rolledUp.put(rs.getString(1) + "|" + rs.getString(2), rs.getBigDecimal(3)))
			.list();
		assertThat(expected).hasSizeGreaterThan(40);
		assertThat(rolledUp).hasSameSizeAs(expected);
		expected.forEach((key, units) -> assertThat(rolledUp.get(key)).as(key).isEqualByComparingTo(units));
	}

	private static String subject(String resource) {
		return "accounts/" + ACCOUNT + "/customers/c1/" + resource;
	}

	private static String month(Instant at) {
		return YearMonth.from(at.atZone(SEOUL)).toString();
	}

	private static UsageEvent event(String subject, String meter, MeterUnit unit, BigDecimal quantity, Instant from,
			Instant to) {
		return new UsageEvent(UUID.randomUUID().toString(), "//test", subject, null, ACCOUNT, "c1", "e1",
				"products/p/skus/" + meter, meter, unit, quantity, from, to, null, null);
	}

}
