package com.cloudpartner.billing.usage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration to compact keys of billable periods on a database that already holds
 * billable hours and days: every row gets the series key the consumer computes, and the
 * new primary key still refuses a second row for a resource's period.
 */
class CompactPeriodKeysMigrationIT {

	private static final String RESOURCE = "accounts/파트너-1/customers/c1/servers/web-1";

	@Test
	void existingRowsGetTheConsumersKeyAndStayUniquePerPeriod() {
		PGSimpleDataSource source = RecorderDatabase.create("billing_migration", "202612062140");
		JdbcClient jdbc = JdbcClient.create(source);
		Instant hour = Instant.parse("2026-11-03T05:00:00Z");
		jdbc.sql("""
				insert into billable_hour (account_id, resource, sku, meter, hour_start, customer_id, entitlement_id,
				    event_key, payload_hash)
				values ('파트너-1', :r, 'products/p/skus/s', 'vm-hours', :h, 'c1', 'e1', :k, 42),
				    ('파트너-1', :r, 'products/p/skus/s', 'vm-hours', :h2, 'c1', 'e1', :k, 42)""")
			.param("r", RESOURCE)
			.param("h", Timestamp.from(hour))
			.param("h2", Timestamp.from(hour.plusSeconds(3600)))
			.param("k", UUID.randomUUID())
			.update();
		jdbc.sql("""
				insert into billable_day (account_id, resource, sku, meter, day, customer_id, entitlement_id)
				values ('파트너-1', :r, 'products/p/skus/ip', 'ip-days', :d, 'c1', 'e1')""")
			.param("r", RESOURCE)
			.param("d", LocalDate.parse("2026-11-03"))
			.update();

		RecorderDatabase.migrate(source, "latest");

		UUID hourly = UsageIdentities.seriesKey("파트너-1", RESOURCE, "products/p/skus/s", "vm-hours");
		assertThat(jdbc.sql("select distinct series_key from billable_hour").query(UUID.class).list())
			.containsExactly(hourly);
		assertThat(jdbc.sql("select series_key from billable_day").query(UUID.class).single())
			.isEqualTo(UsageIdentities.seriesKey("파트너-1", RESOURCE, "products/p/skus/ip", "ip-days"));
		assertThatThrownBy(() -> jdbc.sql("""
				insert into billable_hour (series_key, account_id, resource, sku, meter, hour_start, customer_id,
				    entitlement_id) values (:s, '파트너-1', :r, 'products/p/skus/s', 'vm-hours', :h, 'c2', 'e2')""")
			.param("s", hourly)
			.param("r", RESOURCE)
			.param("h", Timestamp.from(hour))
			.update()).isInstanceOf(DuplicateKeyException.class);
	}

}
