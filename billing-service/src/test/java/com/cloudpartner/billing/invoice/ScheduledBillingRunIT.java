package com.cloudpartner.billing.invoice;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.BillingIntegrationTest;
import com.cloudpartner.billing.config.BillingClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The monthly schedule bills the month before the billing clock's month. */
class ScheduledBillingRunIT extends BillingIntegrationTest {

	@Autowired
	BillingRuns runs;

	@Autowired
	BillingClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void billsThePreviousMonthAtFivePastMidnightOnTheFirstInSeoul() {
		// 2024-08-01 00:05 in Seoul is still July 31st in UTC
		this.clock.setTo(Instant.parse("2024-07-31T15:05:00Z"));

		this.runs.monthly();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc
				.sql("select count(*) from billing_run where trigger = 'SCHEDULE' and month = '2024-07' "
						+ "and state = 'SUCCEEDED'")
				.query(Integer.class)
				.single() == 1);
	}

}
