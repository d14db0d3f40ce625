package com.cloudpartner.billing.usage;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.BillingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key of a series of billable periods is computed in two places: by the consumer and
 * the API in Java, and by the database's {@code usage_series_key} for the migration of
 * existing rows and the billing export. Both must agree for every text, or the export
 * would miss hours and the migrated rows would not refuse a second count.
 */
class SeriesKeyIT extends BillingIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDatabaseAndJavaComputeTheSameKey() {
		List<String[]> series = List.of(
				new String[] { "acc-1", "accounts/acc-1/customers/c1/servers/web-1",
						"products/server-basic/skus/basic-2vcpu-4gb", "vm-hours" },
				new String[] { "파트너", "accounts/파트너/customers/고객/servers/서버 1", "products/x/skus/y", "시간" },
				new String[] { "a", "", "s", "m" },
				// the lengths keep parts apart: these two must differ
				new String[] { "ab", "c", "s", "m" }, new String[] { "a", "bc", "s", "m" },
				new String[] { "emoji-😀", "r|1:2", "s\nt", "m\tn" });
		for (String[] s : series) {
			UUID database = this.jdbc.sql("select usage_series_key(:a, :r, :s, :m)")
				.param("a", s[0])
				.param("r", s[1])
				.param("s", s[2])
				.param("m", s[3])
				.query(UUID.class)
				.single();
			assertThat(UsageIdentities.seriesKey(s[0], s[1], s[2], s[3])).as(String.join(" / ", s)).isEqualTo(database);
		}
		assertThat(UsageIdentities.seriesKey("ab", "c", "s", "m"))
			.isNotEqualTo(UsageIdentities.seriesKey("a", "bc", "s", "m"));
	}

}
