package com.cloudpartner.billing;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path for a billing zone of UTC (the design assumes no zone): month
 * boundaries, the month-to-date view, the run at 00:05 on the 1st and the due date all
 * follow UTC midnight, where the same usage billed in Asia/Seoul would fall nine hours
 * apart.
 */
// its own consumer group: the Seoul-zoned context of the other tests stays alive beside
// this one and must not take its events
@TestPropertySource(properties = { "platform.billing.zone=UTC", "platform.billing.consumer-group=billing-utc-it" })
class BillingUtcMonthIT extends TimeTravelTest {

	@Test
	void billsAUtcMonthFromUtcMidnightToUtcMidnight() {
		// srv-1: every hour of June in UTC (the monthly price); srv-2: 23:30 on May 31st
		// to 02:00 on June 1st UTC, one started hour in May and two in June (in Seoul all
		// three would be June's: 08:30 to 11:00 on June 1st)
		report(usage("c1", "srv-1", this.sku, "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z"),
				usage("c1", "srv-2", this.sku, "2026-05-31T23:30:00Z", "2026-06-01T02:00:00Z"));

		JsonNode may = bill("2026-05", "2026-06-01T00:05:00Z");
		JsonNode june = bill("2026-06", "2026-07-01T00:05:00Z");

		assertThat(may.get("lines")).hasSize(1);
		assertLine(may.get("lines").get(0), "REGULAR", "1", "45", "36", "45");
		assertThat(june.get("lines")).hasSize(1);
		// 30,000 for the whole month plus 2 x 45: 30,090 at list, 24,072 after 20%
		assertLine(june.get("lines").get(0), "REGULAR", "722", "30090", "24072", "30090");
		assertTotals(june, "24072", "0", "2407", "26479");
		assertThat(june.get("issuedAt").asString()).isEqualTo("2026-07-01T00:05:00Z");
		// due at the end of the 30th day after issue: UTC midnight, not Seoul's
		assertThat(june.get("dueAt").asString()).isEqualTo("2026-07-31T00:00:00Z");
	}

	@Test
	void showsMonthToDateOfTheUtcMonth() {
		// two hours before UTC midnight on June 30th and one after
		report(usage("c1", "srv-1", this.sku, "2026-06-30T22:00:00Z", "2026-07-01T01:00:00Z"));
		String path = "/v1/accounts/" + this.account + "/billing/current-month";

		// 23:30 UTC on June 30th is already July 1st in Seoul: the current month is June
		this.clock.setTo(Instant.parse("2026-06-30T23:30:00Z"));
		BillingClient.Response current = this.client.get(path, TestTokens.partner(this.account));
		BillingClient.Response july = this.client.get(path + "?month=2026-07", TestTokens.partner(this.account));

		assertThat(current.status()).as(current.raw()).isEqualTo(200);
		assertThat(current.text("/month")).isEqualTo("2026-06");
		assertThat(current.text("/lines/0/quantity")).isEqualTo("2");
		assertThat(current.text("/cost/amount")).isEqualTo("72");
		assertThat(july.status()).as(july.raw()).isEqualTo(200);
		assertThat(july.text("/month")).isEqualTo("2026-07");
		assertThat(july.text("/lines/0/quantity")).isEqualTo("1");
		assertThat(july.text("/costAtList/amount")).isEqualTo("45");

		// per day: the days of the UTC month, June 30th holding its two UTC hours
		BillingClient.Response days = this.client.get("/v1/accounts/" + this.account + "/billing/daily",
				TestTokens.partner(this.account));
		assertThat(days.status()).as(days.raw()).isEqualTo(200);
		assertThat(days.text("/month")).isEqualTo("2026-06");
		assertThat(days.body().get("days")).hasSize(30);
		assertThat(days.text("/days/29/date")).isEqualTo("2026-06-30");
		assertThat(days.text("/days/29/costAtList/amount")).isEqualTo("90");
		assertThat(days.text("/days/28/costAtList/amount")).isEqualTo("0");
		assertThat(days.text("/costAtList/amount")).isEqualTo("90");
	}

}
