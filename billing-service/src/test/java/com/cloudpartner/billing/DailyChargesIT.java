package com.cloudpartner.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The charges of a month per day (decision 0055): each day is the month to date through
 * its end minus the month to date through the day before, so the days add up to the month
 * to date to the won (the cent), a capped server stops accruing, a price change applies
 * from its hour, and a customer sees its repriced amounts only. Each test has its own
 * partner account (20% supply discount) and SKU (45 KRW an hour, 30,000 a month).
 */
class DailyChargesIT extends TimeTravelTest {

	@Test
	void capsAServerMidMonthAndChargesNothingAfterTheDayItReachedTheMonthlyPrice() {
		// 00:00 on Nov 1st to 12:00 on Nov 30th in Seoul: 708 hours, capped at 30,000
		report(usage("c1", "srv-1", this.sku, "2025-10-31T15:00:00Z", "2025-11-30T03:00:00Z"));

		JsonNode partner = partnerDays("2025-11");

		assertThat(partner.get("days")).hasSize(30);
		assertThat(partner.at("/days/0/date").asString()).isEqualTo("2025-11-01");
		assertThat(partner.at("/days/29/date").asString()).isEqualTo("2025-11-30");
		for (int day = 0; day < 27; day++) {
			assertDay(partner.get("days").get(day), "1080", "864", "1080");
		}
		// 27 x 1,080 = 29,160; the 28th's 24 hours would make 30,240: capped at 30,000
		assertDay(partner.get("days").get(27), "840", "672", "840");
		assertDay(partner.get("days").get(28), "0", "0", "0");
		assertDay(partner.get("days").get(29), "0", "0", "0");
		assertThat(partner.at("/costAtList/amount").asString()).isEqualTo("30000");
		assertThat(partner.at("/cost/amount").asString()).isEqualTo("24000");
		assertDaysAddUpToTheMonthToDate("2025-11", "c1");
	}

	@Test
	void pricesEachDayWithThePriceInForceWhenThePriceChangesInsideTheMonth() {
		// from 00:00 on Nov 15th in Seoul the hour costs 60
		ObjectNode version = BillingClient.offer("offers/" + this.sku.replace('/', '-'), this.sku, "60", "30000",
				"2025-11-14T15:00:00Z");
		BillingClient.produce("entitlement-events", version.get("subject").asString(), version.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :sku")
				.param("sku", this.sku)
				.query(Integer.class)
				.single() == 2);
		// 10 h on the 3rd; 22:00 on the 14th to 02:00 on the 15th (2 h at 45, 2 h at 60);
		// 5 h on the 20th
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-11-14T13:00:00Z", "2025-11-14T17:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-11-20T01:00:00Z", "2025-11-20T06:00:00Z"));

		JsonNode partner = partnerDays("2025-11");

		assertThat(nonZero(partner, "costAtList")).containsExactly(Map.entry("2025-11-03", "450"),
				Map.entry("2025-11-14", "90"), Map.entry("2025-11-15", "120"), Map.entry("2025-11-20", "300"));
		assertThat(nonZero(partner, "cost")).containsExactly(Map.entry("2025-11-03", "360"),
				Map.entry("2025-11-14", "72"), Map.entry("2025-11-15", "96"), Map.entry("2025-11-20", "240"));
		assertThat(partner.at("/costAtList/amount").asString()).isEqualTo("960");
		assertDaysAddUpToTheMonthToDate("2025-11", "c1");
	}

	@Test
	void showsTheCustomerItsRepricedDaysThatAddUpWithoutRoundingDrift() {
		this.clock.setTo(Instant.parse("2025-10-15T00:00:00Z"));
		BillingClient.Response config = this.client.put(
				"/v1/accounts/" + this.account + "/customers/c1/repricing-config", TestTokens.partner(this.account),
				"{\"rebillingBasis\":\"DIRECT_CUSTOMER_COST\",\"adjustmentPercent\":\"10\",\"effectiveMonth\":\"2025-11\"}");
		assertThat(config.status()).as(config.raw()).isEqualTo(200);
		this.clock.reset();
		// c1: one hour on each of the 3rd, 4th and 5th: 36 of cost, x 1.1 = 39.6 a day;
		// c2: 10 hours on the 4th at list prices
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T02:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-11-04T01:00:00Z", "2025-11-04T02:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-11-05T01:00:00Z", "2025-11-05T02:00:00Z"),
				usage("c2", "srv-2", this.sku, "2025-11-04T01:00:00Z", "2025-11-04T11:00:00Z"));

		BillingClient.Response mine = this.client.get(customerPath("c1", "2025-11"),
				TestTokens.console(this.account, "c1"));

		assertThat(mine.status()).as(mine.raw()).isEqualTo(200);
		assertThat(mine.raw()).as("never the partner's cost").doesNotContain("\"cost\"", "costAtList");
		// 39.6 -> 40, 79.2 -> 79, 118.8 -> 119: each day the rounded month to date's step
		assertThat(nonZero(mine.body(), "customerCost")).containsExactly(Map.entry("2025-11-03", "40"),
				Map.entry("2025-11-04", "39"), Map.entry("2025-11-05", "40"));
		assertThat(mine.text("/customerCost/amount")).isEqualTo("119");
		JsonNode partner = partnerDays("2025-11");
		assertThat(nonZero(partner, "customerCost")).containsExactly(Map.entry("2025-11-03", "40"),
				Map.entry("2025-11-04", "489"), Map.entry("2025-11-05", "40"));
		assertThat(nonZero(partner, "cost")).containsExactly(Map.entry("2025-11-03", "36"),
				Map.entry("2025-11-04", "396"), Map.entry("2025-11-05", "36"));
		assertDaysAddUpToTheMonthToDate("2025-11", "c1");
		assertDaysAddUpToTheMonthToDate("2025-11", "c2");

		// another customer's console token, and a console token on the partner's view
		BillingClient.Response theirs = this.client.get(customerPath("c1", "2025-11"),
				TestTokens.console(this.account, "c2"));
		assertThat(theirs.status()).isEqualTo(403);
		assertThat(theirs.text("/code")).isEqualTo("CUSTOMER_FORBIDDEN");
		// nothing of c1's days (the random account id may hold "119" itself)
		assertThat(theirs.raw()).doesNotContain("customerCost", "days", "amount");
		BillingClient.Response partnerView = this.client.get(
				"/v1/accounts/" + this.account + "/billing/daily?month=2025-11",
				TestTokens.console(this.account, "c1"));
		assertThat(partnerView.status()).isEqualTo(403);
		assertThat(partnerView.text("/code")).isEqualTo("ACCOUNT_FORBIDDEN");
		assertThat(this.client.get(customerPath("c1", "2025-11"), TestTokens.partner("someone-else")).status())
			.isEqualTo(403);
	}

	@Test
	void chargesGigabytesOnTheDayTheirWindowStartsToTheCentInUsd() {
		String account = "tt-usd-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode approved = BillingClient.partnerApproved(account);
		((ObjectNode) approved.at("/data/contract")).put("currencyCode", "USD");
		((ObjectNode) approved.at("/data/billingAccounts/0")).put("currencyCode", "USD");
		BillingClient.produce("partner-events", "accounts/" + account, approved.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from contract_version where account_id = :a")
				.param("a", account)
				.query(Integer.class)
				.single() > 0);
		Projections.customers(this.jdbc, account, "c1", "c2");
		String gb = this.sku + "-gb";
		ObjectNode offer = BillingClient.offer("offers/" + gb.replace('/', '-'), gb, "0.0625", "1",
				"2020-01-01T00:00:00Z");
		((ObjectNode) offer.at("/data/prices/0")).put("meter", "egress-gb").put("unit", "GB");
		((ObjectNode) offer.at("/data/prices/0/listPrice")).put("currencyCode", "USD");
		((ObjectNode) offer.at("/data/monthlyPrice")).put("currencyCode", "USD");
		BillingClient.produce("entitlement-events", offer.get("subject").asString(), offer.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :s and currency_code = 'USD'")
				.param("s", gb)
				.query(Integer.class)
				.single() > 0);
		// 1 GB on the 5th and the 6th, and 1 GB from 23:30 on the 7th to 00:30 on the 8th
		// (Seoul): priced, and counted, on the day its window starts
		report(account, gigabyte(account, gb, "2025-11-05T00:00:00Z", "2025-11-05T01:00:00Z"),
				gigabyte(account, gb, "2025-11-06T00:00:00Z", "2025-11-06T01:00:00Z"),
				gigabyte(account, gb, "2025-11-07T14:30:00Z", "2025-11-07T15:30:00Z"));

		BillingClient.Response response = this.client.get("/v1/accounts/" + account + "/billing/daily?month=2025-11",
				TestTokens.partner(account));

		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		JsonNode partner = response.body();
		assertThat(partner.get("currencyCode").asString()).isEqualTo("USD");
		// 0.0625 -> 0.06, 0.125 -> 0.13, 0.1875 -> 0.19
		assertThat(nonZero(partner, "costAtList")).containsExactly(Map.entry("2025-11-05", "0.06"),
				Map.entry("2025-11-06", "0.07"), Map.entry("2025-11-07", "0.06"));
		assertThat(nonZero(partner, "cost")).containsExactly(Map.entry("2025-11-05", "0.05"),
				Map.entry("2025-11-06", "0.05"), Map.entry("2025-11-07", "0.05"));
		assertThat(partner.at("/days/7/costAtList"))
			.isEqualTo(BillingClient.JSON.createObjectNode().put("currencyCode", "USD").put("amount", "0.00"));
		assertThat(partner.at("/costAtList/amount").asString()).isEqualTo("0.19");
		assertThat(partner.at("/cost/amount").asString()).isEqualTo("0.15");
		assertDaysAddUpToTheMonthToDate(account, "2025-11", "c1");
	}

	@Test
	void showsTheCurrentMonthThroughTodayAndAFutureMonthWithoutDays() {
		// 12 hours on Nov 10th in Seoul, and an hour of Dec 2nd reported ahead of time
		report(usage("c1", "srv-1", this.sku, "2025-11-09T15:00:00Z", "2025-11-10T03:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-12-02T01:00:00Z", "2025-12-02T02:00:00Z"));
		this.clock.setTo(Instant.parse("2025-11-10T05:00:00Z"));

		BillingClient.Response current = this.client.get("/v1/accounts/" + this.account + "/billing/daily",
				TestTokens.partner(this.account));
		JsonNode december = partnerDays("2025-12");
		JsonNode january = partnerDays("2026-01");

		assertThat(current.status()).as(current.raw()).isEqualTo(200);
		assertThat(current.text("/month")).isEqualTo("2025-11");
		assertThat(current.text("/asOf")).isEqualTo("2025-11-10T05:00:00Z");
		assertThat(current.body().get("days")).hasSize(10);
		assertThat(nonZero(current.body(), "costAtList")).containsExactly(Map.entry("2025-11-10", "540"));
		// usage already reported for a later month shows through its day, so that the
		// days
		// still add up to that month's month to date
		assertThat(december.get("days")).hasSize(2);
		assertThat(nonZero(december, "costAtList")).containsExactly(Map.entry("2025-12-02", "45"));
		assertThat(january.get("days")).isEmpty();
		assertThat(january.at("/customerCost/amount").asString()).isEqualTo("0");
		assertDaysAddUpToTheMonthToDate("2025-11", "c1");
		assertDaysAddUpToTheMonthToDate("2025-12", "c1");
	}

	@Test
	void answersABadMonthOrAnUnknownAccountWithAProblem() {
		for (String path : new String[] { "/v1/accounts/" + this.account + "/billing/daily?month=2025-13",
				customerPath("c1", "2025-1") }) {
			BillingClient.Response response = this.client.get(path, TestTokens.partner(this.account));
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.text("/code")).isEqualTo("VALIDATION_FAILED");
			assertThat(response.text("/errors/0/field")).isEqualTo("month");
		}
		BillingClient.Response unknown = this.client
			.get("/v1/accounts/nobody-" + UUID.randomUUID() + "/billing/daily?month=2025-11", TestTokens.operator());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text("/code")).isEqualTo("ACCOUNT_NOT_FOUND");
	}

	private ObjectNode gigabyte(String account, String sku, String from, String to) {
		ObjectNode event = usage(account, "c1", "bucket-1", sku, from, to);
		((ObjectNode) event.get("data")).put("meter", "egress-gb").put("unit", "GB").put("quantity", "1");
		return event;
	}

	private String customerPath(String customer, String month) {
		return "/v1/accounts/" + this.account + "/customers/" + customer + "/billing/daily?month=" + month;
	}

	private JsonNode partnerDays(String month) {
		BillingClient.Response response = this.client
			.get("/v1/accounts/" + this.account + "/billing/daily?month=" + month, TestTokens.partner(this.account));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		assertThat(response.text("/month")).isEqualTo(month);
		return response.body();
	}

	private void assertDaysAddUpToTheMonthToDate(String month, String customer) {
		assertDaysAddUpToTheMonthToDate(this.account, month, customer);
	}

	/**
	 * Both daily views add up to both month-to-date views, and name the same totals.
	 */
	private void assertDaysAddUpToTheMonthToDate(String account, String month, String customer) {
		String partner = "/v1/accounts/" + account + "/billing/";
		JsonNode days = this.client.get(partner + "daily?month=" + month, TestTokens.partner(account)).body();
		JsonNode toDate = this.client.get(partner + "current-month?month=" + month, TestTokens.partner(account)).body();
		for (String field : new String[] { "costAtList", "cost", "customerCost" }) {
			assertThat(sum(days, field)).as(field + " of " + month).isEqualByComparingTo(amount(toDate, field));
			assertThat(amount(days, field)).as(field + " of " + month).isEqualTo(amount(toDate, field));
		}
		String mine = "/v1/accounts/" + account + "/customers/" + customer + "/billing/";
		JsonNode customerDays = this.client.get(mine + "daily?month=" + month, TestTokens.console(account, customer))
			.body();
		JsonNode customerToDate = this.client
			.get(mine + "current-month?month=" + month, TestTokens.console(account, customer))
			.body();
		assertThat(sum(customerDays, "customerCost")).as("customer " + customer + " in " + month)
			.isEqualByComparingTo(amount(customerToDate, "customerCost"));
		assertThat(amount(customerDays, "customerCost")).isEqualTo(amount(customerToDate, "customerCost"));
	}

	private static BigDecimal sum(JsonNode daily, String field) {
		BigDecimal sum = BigDecimal.ZERO;
		for (JsonNode day : daily.get("days")) {
			sum = sum.add(new BigDecimal(day.at("/" + field + "/amount").asString()));
		}
		return sum;
	}

	private static BigDecimal amount(JsonNode node, String field) {
		return new BigDecimal(node.at("/" + field + "/amount").asString());
	}

	/** The days whose amount is not zero, date to amount, in order. */
	private static Map<String, String> nonZero(JsonNode daily, String field) {
		Map<String, String> days = new LinkedHashMap<>();
		for (JsonNode day : daily.get("days")) {
			String amount = day.at("/" + field + "/amount").asString();
			if (new BigDecimal(amount).signum() != 0) {
				days.put(day.get("date").asString(), amount);
			}
		}
		return days;
	}

	private static void assertDay(JsonNode day, String costAtList, String cost, String customerCost) {
		assertThat(day.at("/costAtList/amount").asString()).as(day.toString()).isEqualTo(costAtList);
		assertThat(day.at("/cost/amount").asString()).as(day.toString()).isEqualTo(cost);
		assertThat(day.at("/customerCost/amount").asString()).as(day.toString()).isEqualTo(customerCost);
	}

}
