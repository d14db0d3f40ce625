package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real-time charges: billing's month to date of the partner, this month or another, and a
 * chart of what each day added to the supply cost and to the customers' charges.
 */
class PartnerChargesIT extends PartnerToolTestSupport {

	@Test
	void showsTheMonthToDateTotalsAndLinesPerCustomer() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-77", "alice01", "Alice Kim");
		billingService.charges(partner.accountId(), "2026-10",
				Map.of("month", "2026-10", "asOf", "2026-10-20T03:00:00Z", "currencyCode", "KRW", "costAtList",
						FakeService.money("1234500"), "cost", FakeService.money("987600"), "customerCost",
						FakeService.money("1358000"), "lines",
						List.of(Map.of("customer", "accounts/" + partner.accountId() + "/customers/c-77", "sku",
								"products/server/skus/basic-1", "meter", "hours", "quantity", "480", "costAtList",
								FakeService.money("1234500"), "cost", FakeService.money("987600"), "customerCost",
								FakeService.money("1358000"))),
						"unrated", List.of()));
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/charges?month=2026-10");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"total-cost-at-list\">1,234,500 KRW", "id=\"total-cost\">987,600 KRW",
				"id=\"total-customer-cost\">1,358,000 KRW", "class=\"charge-line\"", "products/server/skus/basic-1",
				"href=\"/partner/customers/c-77/resources\">Alice Kim (alice01)</a>", "value=\"2026-10\"",
				"month=2026-09", "month=2026-11");
		assertThat(billingService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/billing/current-month");
			assertThat(seen.query()).isEqualTo("month=2026-10");
		});
	}

	@Test
	void chartsWhatEachDayAddedToTheSupplyCostAndTheCustomersCharges() {
		Partner partner = newPartner("Blue Hosting");
		billingService.daily(partner.accountId(), "2026-10",
				Map.of("month", "2026-10", "currencyCode", "KRW", "costAtList", FakeService.money("1350"), "cost",
						FakeService.money("1080"), "customerCost", FakeService.money("1485"), "days",
						List.of(day("2026-10-01", "1080", "864", "1188"), day("2026-10-02", "0", "0", "0"),
								day("2026-10-03", "270", "216", "297"))));
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/charges?month=2026-10&lang=en");
		HttpResponse<String> korean = browser.get("/partner/charges?month=2026-10&lang=ko");

		assertThat(page.statusCode()).isEqualTo(200);
		// the axis reaches 1,200 (four steps of 300): 1,188 is 198 of its 200 pixels
		assertThat(page.body()).contains("id=\"daily-chart\"", "aria-labelledby=\"daily-title daily-desc\"",
				"Supply cost and customer charges per day of 2026-10",
				"3 days from 2026-10-01 to 2026-10-03; in total a supply cost of 1,080 KRW and customer charges of 1,485 KRW.",
				"class=\"day-bar day-cost\"", "class=\"day-bar day-customer-cost\"",
				"height=\"144.0\" fill=\"#6b7280\" data-date=\"2026-10-01\" data-amount=\"864\"",
				"height=\"198.0\" fill=\"#1a56db\" data-date=\"2026-10-01\" data-amount=\"1188\"",
				"<title>2026-10-03 Your supply cost 216 KRW</title>",
				"<title>2026-10-03 Charged to customers 297 KRW</title>", ">1,200<", "id=\"daily-table\"",
				"data-amount=\"1188\">1,188 KRW</td>");
		assertThat(page.body().split("class=\"daily-row\"", -1)).hasSize(4);
		assertThat(korean.body()).contains("2026-10 일별 공급가와 고객 청구액", "일별 금액 표");
		assertThat(billingService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/billing/daily");
			assertThat(seen.query()).isEqualTo("month=2026-10");
		});
	}

	@Test
	void showsTheMonthToDateAndSaysSoWhenOnlyTheDaysFail() {
		Partner partner = newPartner("Blue Hosting");
		billingService.charges(partner.accountId(), "2026-10",
				Map.of("month", "2026-10", "asOf", "2026-10-20T03:00:00Z", "currencyCode", "KRW", "costAtList",
						FakeService.money("450"), "cost", FakeService.money("360"), "customerCost",
						FakeService.money("450"), "lines", List.of(), "unrated", List.of()));
		billingService.brokenDaily.add(partner.accountId());
		Browser browser = signedIn(partner);
		try {
			HttpResponse<String> page = browser.get("/partner/charges?month=2026-10&lang=en");

			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body())
				.contains("id=\"total-cost\">360 KRW", "id=\"daily-unavailable\"",
						"Charges per day are unavailable right now")
				.doesNotContain("daily-chart");
			assertNoInternals(page);
		}
		finally {
			billingService.brokenDaily.remove(partner.accountId());
		}
	}

	@Test
	void escapesWhatBillingSendsAboutTheDays() {
		Partner partner = newPartner("Blue Hosting");
		billingService.daily(partner.accountId(), "2026-10",
				Map.of("month", "2026-10", "currencyCode", "<script>alert(1)</script>", "cost",
						Map.of("currencyCode", "<script>alert(1)</script>", "amount", "5"), "days",
						List.of(Map.of("date", "2026-10-01", "cost",
								Map.of("currencyCode", "<script>alert(1)</script>", "amount", "5"), "customerCost",
								FakeService.money("6")), Map.of("date", "<img src=x onerror=alert(2)>"))));
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/charges?month=2026-10");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("5 &lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert", "<img src=x", "onerror=alert");
		assertThat(page.body().split("class=\"daily-row\"", -1)).hasSize(2);
	}

	private static Map<String, Object> day(String date, String costAtList, String cost, String customerCost) {
		return Map.of("date", date, "costAtList", FakeService.money(costAtList), "cost", FakeService.money(cost),
				"customerCost", FakeService.money(customerCost));
	}

	@Test
	void asksForTheCurrentMonthWithoutAMonthAndIgnoresANonsenseOne() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/charges?month=../../x&lang=ko");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("실시간 요금", "id=\"charges-empty\"", "value=\"2026-11\"");
		assertThat(billingService.requests)
			.filteredOn((seen) -> seen.path().equals("/v1/accounts/" + partner.accountId() + "/billing/current-month"))
			.allSatisfy((seen) -> assertThat(seen.query()).isNull());
	}

}
