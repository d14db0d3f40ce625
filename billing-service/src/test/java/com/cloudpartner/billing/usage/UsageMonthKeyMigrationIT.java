package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import com.cloudpartner.billing.rating.MeterUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration of the month roll-up to the compact key of its series, on a database that
 * already holds roll-up rows: the consumer's next hours of a series grow the row that was
 * there (it finds it by the key the migration gave it), in hourly and quantity usage
 * alike, and a series new to the month gets a row of its own.
 */
class UsageMonthKeyMigrationIT {

	private static final String ACCOUNT = "파트너-1";

	private static final String SERVER = "accounts/파트너-1/customers/c1/servers/web-1";

	private static final String BUCKET = "accounts/파트너-1/customers/c1/buckets/b-1";

	@Test
	void rowsFromBeforeTheMigrationGrowUnderTheConsumersKey() {
		PGSimpleDataSource source = RecorderDatabase.create("billing_month_key_migration", "202612071400");
		JdbcClient jdbc = JdbcClient.create(source);
		Instant start = Instant.parse("2026-11-02T15:00:00Z");
		jdbc.sql("""
				insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
				    units, first_at, last_at)
				values (:a, '2026-11', 'c1', :server, 'products/p/skus/vm', 'vm-hours', 'HOUR', 'e1', 5, :s, :e),
				    (:a, '2026-11', 'c1', :bucket, 'products/p/skus/gb', 'gb-stored', 'GB', 'e2', 1.5, :s, :e)""")
			.param("a", ACCOUNT)
			.param("server", SERVER)
			.param("bucket", BUCKET)
			.param("s", Timestamp.from(start))
			.param("e", Timestamp.from(start.plusSeconds(5 * 3600)))
			.update();

		RecorderDatabase.migrate(source, "latest");

		UsageBatchRecorder recorder = RecorderDatabase.recorder(source);
		Instant later = start.plusSeconds(10 * 3600);
		List<UsageEvent> events = List.of(
				event(SERVER, "products/p/skus/vm", "vm-hours", MeterUnit.HOUR, "1", later,
						later.plusSeconds(2 * 3600)),
				event(BUCKET, "products/p/skus/gb", "gb-stored", MeterUnit.GB, "2.25", later, later.plusSeconds(3600)),
				event(SERVER, "products/p/skus/vm", "vm-hours", MeterUnit.HOUR, "1",
						Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-01T01:00:00Z")));
		new TransactionTemplate(new DataSourceTransactionManager(source))
			.executeWithoutResult((status) -> recorder.recordAll(events));

		List<Map<String, Object>> rows = jdbc.sql("""
				select series_key, month, resource, units, first_at, last_at from usage_month
				order by month, resource""").query().listOfRows();
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0))
			.containsEntry("series_key", UsageIdentities.seriesKey(ACCOUNT, BUCKET, "products/p/skus/gb", "gb-stored"))
			.containsEntry("month", "2026-11")
			.containsEntry("units", new BigDecimal("3.750000000000"));
		UUID server = UsageIdentities.seriesKey(ACCOUNT, SERVER, "products/p/skus/vm", "vm-hours");
		assertThat(rows.get(1)).containsEntry("series_key", server)
			.containsEntry("month", "2026-11")
			.containsEntry("units", new BigDecimal("7.000000000000"));
		assertThat(((Timestamp) rows.get(1).get("first_at")).toInstant()).isEqualTo(start);
		assertThat(((Timestamp) rows.get(1).get("last_at")).toInstant()).isEqualTo(later.plusSeconds(2 * 3600));
		// 2026-12-01T00:00Z is 09:00 on 1 December in Seoul: a month of its own
		assertThat(rows.get(2)).containsEntry("series_key", server)
			.containsEntry("month", "2026-12")
			.containsEntry("units", new BigDecimal("1.000000000000"));
	}

	private static UsageEvent event(String resource, String sku, String meter, MeterUnit unit, String quantity,
			Instant from, Instant to) {
		return new UsageEvent(UUID.randomUUID().toString(), "//test", resource, null, ACCOUNT, "c1",
				sku.endsWith("vm") ? "e1" : "e2", sku, meter, unit, new BigDecimal(quantity), from, to, null, null);
	}

}
