package com.cloudpartner.billing.charges;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.BillingIntegrationTest;
import com.cloudpartner.billing.QueryPlans;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The month-to-date split path (a price or contract change inside the month) reads an
 * account's billable hours and days without an index by account and time (decision 0082):
 * through the account's series in the month roll-up and a range of the primary key per
 * series. Here another account has 20,000 hours of the same month and the account read
 * has 500 in it and 250 in the month before; under the custom and the generic plan
 * (PgJDBC prepares a statement on the server after a few executions) the read must touch
 * about its own 500 rows, not the table, and count exactly those, each once, though one
 * of its resources moved to another customer inside the month (two roll-up rows of one
 * series).
 */
class UsagePartsPlanIT extends BillingIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	DataSource dataSource;

	@Test
	void theSplitReadsOnlyTheAccountsOwnPeriodsOfTheMonthUnderEitherPlan() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String account = "parts-" + suffix;
		String other = "parts-other-" + suffix;
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			// the other account: 40 resources x 500 hours from 2025-03-01 (Seoul)
			hours(sql, other, 40, "c1", "2025-03-01T00:00:00+09:00", 500);
			// the account read: 5 resources x 100 hours in March, 50 in February before
			// it
			hours(sql, account, 5, "c1", "2025-03-02T00:00:00+09:00", 100);
			hours(sql, account, 5, "c1", "2025-02-26T00:00:00+09:00", 50);
			// srv-1 of the account belongs to c2 from its 61st hour of March on
			sql.execute("""
					update billable_hour set customer_id = 'c2'
					where series_key = usage_series_key('%s', 'srv-1', 'products/p/skus/s', 'vm-hours')
					    and hour_start >= timestamptz '2025-03-02T00:00:00+09:00' + interval '60 hours'"""
				.formatted(account));
			sql.execute(
					"""
							insert into usage_month (series_key, account_id, month, customer_id, resource, sku, meter, unit,
							    entitlement_id, units, first_at, last_at)
							select series_key, account_id, to_char(hour_start at time zone 'Asia/Seoul', 'YYYY-MM'), customer_id,
							    resource, sku, meter, 'HOUR', max(entitlement_id), count(*), min(hour_start),
							    max(hour_start) + interval '1 hour'
							from billable_hour where account_id in ('%s', '%s') group by 1, 2, 3, 4, 5, 6, 7"""
						.formatted(account, other));
			sql.execute("analyze billable_hour");
			sql.execute("analyze usage_month");
			sql.execute("prepare parts(timestamptz, timestamptz, text, text, text, text) as "
					+ UsageQueries.HOUR_PARTS.replace(":start", "$1")
						.replace(":end", "$2")
						.replace(":account", "$3")
						.replace(":month", "$4")
						.replace(":customer", "$5")
						.replace(":bounds", "$6"));
			String execute = "execute parts(timestamptz '2025-03-01T00:00:00+09:00', timestamptz '2025-04-01T00:00:00+09:00',"
					+ " '%s', '2025-03', null, '{\"2025-03-03T00:00:00+09:00\"}')".formatted(account);
			for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
				sql.execute("set plan_cache_mode = " + mode);
				try (ResultSet plan = sql.executeQuery("explain (analyze, format json) " + execute)) {
					plan.next();
					JsonNode root = JSON.readTree(plan.getString(1)).get(0).get("Plan");
					// its own 500 rows, and some slack for a bitmap scan's page
					assertThat(QueryPlans.rowsTouched(root, "billable_hour")).as(mode + ": " + root)
						.isBetween(500L, 600L);
				}
				long counted = 0;
				long c2 = 0;
				try (ResultSet parts = sql.executeQuery(execute)) {
					while (parts.next()) {
						counted += parts.getLong(8);
						if ("c2".equals(parts.getString(1))) {
							c2 += parts.getLong(8);
						}
					}
				}
				assertThat(counted).as(mode).isEqualTo(500);
				assertThat(c2).as(mode).isEqualTo(40);
			}
			sql.execute("reset plan_cache_mode");
			sql.execute("deallocate parts");
		}
	}

	private static void hours(Statement sql, String account, int resources, String customer, String from, int hours)
			throws Exception {
		sql.execute("""
				insert into billable_hour (series_key, account_id, resource, sku, meter, hour_start, customer_id,
				    entitlement_id, event_key, payload_hash)
				select usage_series_key('%1$s', 'srv-' || r, 'products/p/skus/s', 'vm-hours'), '%1$s', 'srv-' || r,
				    'products/p/skus/s', 'vm-hours', timestamptz '%2$s' + h * interval '1 hour', '%3$s', 'e1',
				    gen_random_uuid(), 7
				from generate_series(1, %4$d) r cross join generate_series(0, %5$d - 1) h""".formatted(account, from,
				customer, resources, hours));
	}

}
