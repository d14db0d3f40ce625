package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charges page: a month at the customer's prices (never the partner's cost), the
 * month selector, an empty month and billing that does not answer.
 */
class ConsoleChargesIT extends ConsoleTestSupport {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	@Test
	void showsTheMonthAtTheCustomersPricesOnly() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3001");
		String month = YearMonth.now(SEOUL).toString();
		// a billing-service that wrongly sends the partner's figures too: none may show
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, month),
				"""
						{"month":"%s","asOf":"2026-10-15T00:00:00Z","currencyCode":"KRW",
						 "costAtList":{"currencyCode":"KRW","amount":"7770001"},"cost":{"currencyCode":"KRW","amount":"7770002"},
						 "customerCost":{"currencyCode":"KRW","amount":"1500"},
						 "lines":[
						  {"customer":"%s","sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","quantity":"20",
						   "costAtList":{"currencyCode":"KRW","amount":"7770003"},"cost":{"currencyCode":"KRW","amount":"7770004"},
						   "customerCost":{"currencyCode":"KRW","amount":"1000"}},
						  {"customer":"%s","sku":"products/ssd-disk/skus/ssd-gb","meter":"disk-gb","quantity":"12.5",
						   "cost":{"currencyCode":"KRW","amount":"7770005"},"customerCost":{"currencyCode":"KRW","amount":"500"}}]}"""
					.formatted(month, customer, customer));
		String cookie = openSession(account, customer, "user-3001", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/charges", cookie, "Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"charges-total\" data-amount=\"1500\">1,500 KRW<", "Total so far",
				"products/server-basic/skus/basic-2vcpu-4gb", "vm-hours", ">12.5<", ">1,000 KRW<", ">500 KRW<",
				"2026-10-15 09:00", "id=\"charges-chart\"", "a daily breakdown is not available");
		// the largest line fills the 290 pixels of bar room, the other half of it
		assertThat(page.body()).contains("width=\"290.0\" data-amount=\"1000\"", "width=\"145.0\" data-amount=\"500\"",
				"server-basic/basic-2vcpu-4gb · vm-hours");
		assertThat(page.body().split("class=\"charge-row\"", -1)).hasSize(3);
		assertThat(page.body()).doesNotContain("777000", "7,770,00", "costAtList", "cost\"");
		// asked of the customer's own view with the customer's token, never the partner's
		assertThat(upstreams.insights.calls.stream().filter((call) -> call.path().contains(account)))
			.containsExactly(new FakeInsights.Call(
					"/v1/accounts/" + account + "/customers/" + customer + "/billing/current-month?month=" + month,
					customer));
	}

	@Test
	void offersTheLastTwelveMonthsAndShowsTheOneChosen() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3002");
		YearMonth now = YearMonth.now(SEOUL);
		String past = now.minusMonths(3).toString();
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, past), """
				{"month":"%s","currencyCode":"KRW","customerCost":{"currencyCode":"KRW","amount":"30000"},
				 "lines":[{"sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","quantity":"744",
				   "customerCost":{"currencyCode":"KRW","amount":"30000"}}]}""".formatted(past));
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, now.toString()),
				"{\"month\":\"" + now + "\",\"currencyCode\":\"KRW\",\"customerCost\":\"0\",\"lines\":[]}");
		String cookie = openSession(account, customer, "user-3002", Duration.ofMinutes(5));

		HttpResponse<String> chosen = get("/console/charges?month=" + past, cookie);

		assertThat(chosen.statusCode()).isEqualTo(200);
		assertThat(chosen.body().split("<option ", -1)).hasSize(13);
		assertThat(chosen.body())
			.contains("value=\"" + now + "\"", "value=\"" + now.minusMonths(11) + "\"",
					"<option value=\"" + past + "\" selected=\"selected\">", "data-month=\"" + past + "\"",
					"id=\"charges-total\" data-amount=\"30000\">30,000 KRW<", "합계")
			.doesNotContain("value=\"" + now.minusMonths(12) + "\"", "현재까지 합계");
		// this month, empty; a month outside the list or not a month is this month
		for (String asked : List.of("", "?month=" + now.minusMonths(12), "?month=2026-13", "?month=%3Cscript%3E")) {
			HttpResponse<String> page = get("/console/charges" + asked, cookie);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("data-month=\"" + now + "\"", "id=\"charges-empty\"", "현재까지 합계")
				.doesNotContain("<script>");
		}
		assertThat(upstreams.insights.calls.stream().filter((call) -> call.path().contains(account)))
			.extracting(FakeInsights.Call::path)
			.allSatisfy((path) -> assertThat(path).contains("/customers/" + customer + "/billing/current-month?month=")
				.matches(".*month=\\d{4}-\\d{2}$"));
	}

	@Test
	void saysSoWhenBillingDoesNotAnswer() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3003");
		String cookie = openSession(account, customer, "user-3003", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/charges", cookie, "Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("id=\"charges-unavailable\"", "Charges are temporarily unavailable",
				"id=\"month-form\"", "id=\"nav-charges\"");
		assertNoInternals(page);
	}

	@Test
	void neverShowsAnotherCustomersCharges() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3004");
		String other = newCustomer(account, "user-3005");
		String month = YearMonth.now(SEOUL).toString();
		upstreams.insights.months.put(FakeInsights.monthKey(account, other, month), """
				{"month":"%s","currencyCode":"KRW","customerCost":{"currencyCode":"KRW","amount":"4242421"},
				 "lines":[{"sku":"products/secret/skus/x","meter":"vm-hours","quantity":"1",
				   "customerCost":{"currencyCode":"KRW","amount":"4242421"}}]}""".formatted(month));
		String cookie = openSession(account, customer, "user-3004", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/charges?month=" + month + "&customer=" + other, cookie);

		assertThat(page.body()).doesNotContain("4,242,421", "4242421", "products/secret");
		assertThat(upstreams.insights.calls.stream().filter((call) -> call.path().contains(account)))
			.allSatisfy((call) -> {
				assertThat(call.path()).contains("/customers/" + customer + "/").doesNotContain(other);
				assertThat(call.tokenCustomer()).isEqualTo(customer);
			});
	}

	@Test
	void needsASession() {
		assertThat(get("/console/charges", null).statusCode()).isEqualTo(401);
		assertThat(get("/console/subscriptions", null).statusCode()).isEqualTo(401);
	}

}
