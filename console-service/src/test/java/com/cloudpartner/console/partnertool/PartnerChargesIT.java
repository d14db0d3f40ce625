package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Real-time charges: billing's month to date of the partner, this month or another. */
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
				"href=\"/partner/customers/c-77/resources\">Alice Kim</a>", "value=\"2026-10\"", "month=2026-09",
				"month=2026-11");
		assertThat(billingService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/billing/current-month");
			assertThat(seen.query()).isEqualTo("month=2026-10");
		});
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
