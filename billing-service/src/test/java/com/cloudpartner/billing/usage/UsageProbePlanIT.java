package com.cloudpartner.billing.usage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.BillingIntegrationTest;
import com.cloudpartner.billing.QueryPlans;
import com.cloudpartner.billing.usage.UsageIdentities.Keeping;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's duplicate probe (and the consumer's look-up of stored payloads, built the
 * same way) must read a bounded number of billable rows per event, however many hours the
 * resource has reported this month and whichever plan PostgreSQL caches for the prepared
 * statement (PgJDBC prepares it on the server after a few executions). Two traps it fell
 * into (decision 0075): reading every period of the resource and filtering by event key,
 * and a hash semi-join over the whole table. Here 40 resources have 500 hours each
 * (20,000 rows); 200 events of one hour each are probed under the custom and the generic
 * plan, and the rows the plan touches in {@code billable_hour} (returned plus filtered
 * out, over all loops) are counted.
 */
class UsageProbePlanIT extends BillingIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int RESOURCES = 40;

	private static final int HOURS = 500;

	private static final int PROBED = 200;

	@Autowired
	DataSource dataSource;

	@Test
	void theProbeReadsOnlyEachEventsOwnPeriodsUnderEitherPlan() throws Exception {
		String account = "plan-" + UUID.randomUUID().toString().substring(0, 8);
		Instant start = Instant.parse("2025-03-01T00:00:00Z");
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("""
					insert into billable_hour (series_key, account_id, resource, sku, meter, hour_start, customer_id,
					    entitlement_id, event_key, payload_hash)
					select usage_series_key('%1$s', 'srv-' || r, 'products/p/skus/s', 'vm-hours'), '%1$s', 'srv-' || r,
					    'products/p/skus/s', 'vm-hours', timestamptz '%2$s' + h * interval '1 hour', 'c1', 'e1',
					    gen_random_uuid(), 7
					from generate_series(1, %3$d) r cross join generate_series(0, %4$d - 1) h""".formatted(account,
					start, RESOURCES, HOURS));
			sql.execute("analyze billable_hour");
			List<String> series = new ArrayList<>();
			List<String> hours = new ArrayList<>();
			List<String> keys = new ArrayList<>();
			for (int i = 0; i < PROBED; i++) {
				series.add(UsageIdentities
					.seriesKey(account, "srv-" + (1 + i % RESOURCES), "products/p/skus/s", "vm-hours")
					.toString());
				hours.add(Long.toString(start.getEpochSecond() + 3600L * ((i * 7) % HOURS)));
				keys.add(UUID.randomUUID().toString());
			}
			for (String query : List.of(UsageIdentities.recordedQuery(Keeping.HOURS),
					UsageIdentities.storedPayloadsQuery(Keeping.HOURS))) {
				sql.execute("prepare probe(uuid[], bigint[], bigint[], uuid[]) as " + query.replace(":series", "$1")
					.replace(":firsts", "$2")
					.replace(":lasts", "$3")
					.replace(":keys", "$4"));
				String execute = "explain (analyze, format json) execute probe('{%s}', '{%s}', '{%s}', '{%s}')"
					.formatted(String.join(",", series), String.join(",", hours), String.join(",", hours),
							String.join(",", keys));
				for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
					sql.execute("set plan_cache_mode = " + mode);
					try (ResultSet plan = sql.executeQuery(execute)) {
						plan.next();
						JsonNode root = JSON.readTree(plan.getString(1)).get(0).get("Plan");
						// one hour per event: its own row if any, nothing else, and some
						// slack for a bitmap scan's page
						assertThat(QueryPlans.rowsTouched(root, "billable_hour")).as(mode + ": " + root)
							.isLessThanOrEqualTo(PROBED * 2L);
					}
				}
				sql.execute("reset plan_cache_mode");
				sql.execute("deallocate probe");
			}
		}
	}

}
