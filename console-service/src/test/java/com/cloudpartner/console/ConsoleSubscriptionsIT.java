package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscriptions page: every entitlement of the customer in full, and only theirs. */
class ConsoleSubscriptionsIT extends ConsoleTestSupport {

	@Test
	void listsTheCustomersEntitlementsWithTheirParameters() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-4001");
		String other = newCustomer(account, "user-4999");
		// an API that wrongly answers another customer's entitlement too: left out
		upstreams.entitlements.put(FakeUpstreams.key(account, customer),
				"""
						{"entitlements":[
						 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-1","offer":"offers/iaas-payg",
						  "sku":"products/iaas/skus/payg","state":"ACTIVE","suspensionReasons":[],
						  "parameters":[{"name":"maxUnits","value":"5"},{"name":"region","value":{"stringValue":"kr-central-1"}}],
						  "billingAccount":"accounts/%1$s/billingAccounts/b-1","createTime":"2026-10-01T00:00:00Z"},
						 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-2","offer":"offers/office-monthly",
						  "sku":"products/office-suite/skus/business","state":"SUSPENDED","suspensionReasons":["PAYMENT_OVERDUE"],
						  "createTime":"2026-10-02T03:00:00Z"},
						 {"name":"accounts/%1$s/customers/%3$s/entitlements/e-9","offer":"offers/secret-offer",
						  "sku":"products/secret/skus/x","state":"ACTIVE","createTime":"2026-10-01T00:00:00Z"}]}"""
					.formatted(account, customer, other));
		String cookie = openSession(account, customer, "user-4001", Duration.ofMinutes(5));

		HttpResponse<String> page = get("/console/subscriptions", cookie, "Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("id=\"nav-subscriptions\" href=\"/console/subscriptions\" class=\"current\"", "offers/iaas-payg",
					"products/iaas/skus/payg", "maxUnits = 5", "region = kr-central-1", "data-state=\"SUSPENDED\"",
					"PAYMENT_OVERDUE", "products/office-suite/skus/business", "datetime=\"2026-10-02T03:00:00Z\"",
					"2026-10-02 12:00", ">Active<", ">Suspended<")
			.doesNotContain("offers/secret-offer", "products/secret", other);
		assertThat(page.body().split("class=\"subscription-row\"", -1)).hasSize(3);
		// home keeps its summary and links the page
		assertThat(get("/console/home", cookie).body()).contains("id=\"entitlements-section\"",
				"id=\"subscriptions-link\" href=\"/console/subscriptions\"",
				"id=\"charges-link\" href=\"/console/charges\"");
	}

	@Test
	void saysSoWhenTheListIsUnavailableOrEmpty() {
		String account = newAccount("Blue Hosting", 20);
		String customer = newCustomer(account, "user-4002");
		String cookie = openSession(account, customer, "user-4002", Duration.ofMinutes(5));

		HttpResponse<String> unavailable = get("/console/subscriptions", cookie);
		assertThat(unavailable.statusCode()).isEqualTo(503);
		assertThat(unavailable.body()).contains("id=\"subscriptions-unavailable\"", "구독");
		assertNoInternals(unavailable);

		upstreams.entitlements.put(FakeUpstreams.key(account, customer), "{\"entitlements\":[]}");
		assertThat(get("/console/subscriptions", cookie).body()).contains("id=\"subscriptions-empty\"");
	}

}
