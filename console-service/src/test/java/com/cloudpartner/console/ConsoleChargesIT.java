package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charges page: a month at the customer's prices (never the partner's cost) and a bar
 * per day of it, the month selector, an empty month, billing that does not answer (the
 * month, or only its days) and what billing sends escaped.
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
				"2026-10-15 09:00", "id=\"charges-chart\"");
		// the largest line fills the 290 pixels of bar room, the other half of it
		assertThat(page.body()).contains("width=\"290.0\" data-amount=\"1000\"", "width=\"145.0\" data-amount=\"500\"",
				"server-basic/basic-2vcpu-4gb · vm-hours");
		assertThat(page.body().split("class=\"charge-row\"", -1)).hasSize(3);
		assertThat(page.body()).doesNotContain("777000", "7,770,00", "costAtList", "cost\"");
		// asked of the customer's own view with the customer's token, never the partner's
		assertThat(upstreams.insights.calls.stream().filter((call) -> call.path().contains(account)))
			.containsExactly(
					new FakeInsights.Call("/v1/accounts/" + account + "/customers/" + customer
							+ "/billing/current-month?month=" + month, customer),
					new FakeInsights.Call(
							"/v1/accounts/" + account + "/customers/" + customer + "/billing/daily?month=" + month,
							customer));
	}

	@Test
	void drawsWhatEachDayAddedAsBarsWithATableOfTheDays() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3006");
		YearMonth now = YearMonth.now(SEOUL);
		String past = now.minusMonths(1).toString();
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, past), """
				{"month":"%s","currencyCode":"KRW","customerCost":{"currencyCode":"KRW","amount":"1350"},
				 "lines":[{"sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","quantity":"30",
				   "customerCost":{"currencyCode":"KRW","amount":"1350"}}]}""".formatted(past));
		// a billing-service that wrongly sends the partner's figures per day too
		upstreams.insights.days.put(FakeInsights.monthKey(account, customer, past), """
				{"month":"%1$s","asOf":"2026-12-03T05:00:00Z","currencyCode":"KRW",
				 "cost":{"currencyCode":"KRW","amount":"7770010"},"customerCost":{"currencyCode":"KRW","amount":"1350"},
				 "days":[{"date":"%1$s-01","customerCost":{"currencyCode":"KRW","amount":"1080"},
				          "cost":{"currencyCode":"KRW","amount":"7770011"}},
				         {"date":"%1$s-02","customerCost":{"currencyCode":"KRW","amount":"0"}},
				         {"date":"%1$s-03","customerCost":{"currencyCode":"KRW","amount":"270"}}]}""".formatted(past));
		String cookie = openSession(account, customer, "user-3006", Duration.ofMinutes(5));

		HttpResponse<String> english = get("/console/charges?month=" + past, cookie, "Accept-Language", "en");
		HttpResponse<String> korean = get("/console/charges?month=" + past, cookie);

		assertThat(english.statusCode()).isEqualTo(200);
		// the axis reaches 1,200 in four steps of 300: 1,080 is 180 of its 200 pixels
		assertThat(english.body()).contains("id=\"charges-daily-chart\"",
				"aria-labelledby=\"charges-daily-title charges-daily-desc\"",
				"<title id=\"charges-daily-title\">Charges per day of " + past + "</title>",
				"3 days from " + past + "-01 to " + past + "-03. The most in one day: 1,080 KRW on " + past
						+ "-01. In total: 1,350 KRW.",
				"height=\"180.0\" data-date=\"" + past + "-01\" data-amount=\"1080\"",
				"height=\"0.0\" data-date=\"" + past + "-02\" data-amount=\"0\"",
				"height=\"45.0\" data-date=\"" + past + "-03\" data-amount=\"270\"",
				"<title>" + past + "-01 1,080 KRW</title>", ">1,200<", ">300<", "id=\"charges-daily-table\"",
				"The days as a table", "the days add up to the total");
		assertThat(english.body().split("class=\"day-row\"", -1)).hasSize(4);
		assertThat(english.body().split("class=\"bar day-bar\"", -1)).hasSize(4);
		assertThat(english.body()).doesNotContain("777001", "7,770,01", "charges-daily-unavailable");
		assertThat(korean.body()).contains("일별 요금", "일별 금액 표", "하루 최대 금액은 " + past + "-01의 1,080 KRW");
	}

	@Test
	void escapesWhatBillingSendsAboutTheDays() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3007");
		String month = YearMonth.now(SEOUL).toString();
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, month),
				"{\"month\":\"" + month + "\",\"currencyCode\":\"KRW\",\"customerCost\":\"0\",\"lines\":[]}");
		upstreams.insights.days.put(FakeInsights.monthKey(account, customer, month), """
				{"month":"%1$s","currencyCode":"<script>alert(1)</script>",
				 "customerCost":{"currencyCode":"<script>alert(1)</script>","amount":"45"},
				 "days":[{"date":"%1$s-01","customerCost":{"currencyCode":"<script>alert(1)</script>","amount":"45"}},
				         {"date":"<img src=x onerror=alert(2)>","customerCost":{"amount":"1"}}]}""".formatted(month));
		String cookie = openSession(account, customer, "user-3007", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/charges", cookie, "Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("45 &lt;script&gt;alert(1)&lt;/script&gt;", "data-date=\"" + month + "-01\"")
			.doesNotContain("<script>alert", "<img src=x", "onerror=alert");
		// a day that is not a date is left out of the chart and the table
		assertThat(page.body().split("class=\"day-row\"", -1)).hasSize(2);
	}

	@Test
	void showsTheMonthAndSaysSoWhenOnlyTheDaysAreUnavailable() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3008");
		String month = YearMonth.now(SEOUL).toString();
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, month), """
				{"month":"%s","currencyCode":"KRW","customerCost":{"currencyCode":"KRW","amount":"450"},
				 "lines":[{"sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","quantity":"10",
				   "customerCost":{"currencyCode":"KRW","amount":"450"}}]}""".formatted(month));
		String cookie = openSession(account, customer, "user-3008", Duration.ofMinutes(5));

		HttpResponse<String> english = get("/console/charges", cookie, "Accept-Language", "en");
		HttpResponse<String> korean = get("/console/charges", cookie);

		// the fake's daily view answers 503 with an internal detail: never shown
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body())
			.contains("id=\"charges-total\" data-amount=\"450\">450 KRW<", "id=\"charges-daily-unavailable\"",
					"Charges per day are temporarily unavailable")
			.doesNotContain("charges-daily-chart");
		assertThat(korean.body()).contains("지금은 일별 요금을 불러올 수 없습니다");
		assertNoInternals(english);
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
			.allSatisfy((path) -> assertThat(path).contains("/customers/" + customer + "/billing/")
				.matches(".*/billing/(current-month|daily)\\?month=\\d{4}-\\d{2}$"));
	}

	@Test
	void saysSoWhenBillingDoesNotAnswer() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-3003");
		String cookie = openSession(account, customer, "user-3003", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/charges", cookie, "Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body())
			.contains("id=\"charges-unavailable\"", "Charges are temporarily unavailable", "id=\"month-form\"",
					"id=\"nav-charges\"")
			.doesNotContain("charges-daily");
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
		upstreams.insights.days.put(FakeInsights.monthKey(account, other, month), """
				{"month":"%1$s","currencyCode":"KRW","customerCost":{"currencyCode":"KRW","amount":"4242421"},
				 "days":[{"date":"%1$s-01","customerCost":{"currencyCode":"KRW","amount":"4242421"}}]}"""
			.formatted(month));
		upstreams.insights.months.put(FakeInsights.monthKey(account, customer, month),
				"{\"month\":\"" + month + "\",\"currencyCode\":\"KRW\",\"customerCost\":\"0\",\"lines\":[]}");
		String cookie = openSession(account, customer, "user-3004", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/charges?month=" + month + "&customer=" + other, cookie);

		assertThat(page.body()).doesNotContain("4,242,421", "4242421", "products/secret");
		assertThat(upstreams.insights.calls.stream().filter((call) -> call.path().contains(account)))
			.anySatisfy((call) -> assertThat(call.path()).contains("/customers/" + customer + "/billing/daily"));
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
