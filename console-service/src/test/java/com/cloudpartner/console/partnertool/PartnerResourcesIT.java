package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every customer's resources on one page, filtered by kind, customer and state, with a
 * link to each customer; and the same page for one customer.
 */
class PartnerResourcesIT extends PartnerToolTestSupport {

	@Test
	void listsAllCustomersResourcesOnOnePageWithALinkToEachCustomer() {
		Partner partner = newPartner("Blue Hosting");
		entitlementService.addResource(partner.accountId(), "c-1", "servers", "s-1", "web-1");
		entitlementService.addResource(partner.accountId(), "c-2", "public-ips", "ip-2", "front ip");
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/resources?lang=en");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Resources of all customers", "id=\"nav-resources\"", "data-resource=\"s-1\"",
				"data-resource=\"ip-2\"", "web-1", "front ip", "Servers", "Public IPs",
				"href=\"/partner/customers/c-1/resources\"", "href=\"/partner/customers/c-2/resources\"");
		// newest first, as the API answers
		assertThat(page.body().indexOf("data-resource=\"ip-2\""))
			.isLessThan(page.body().indexOf("data-resource=\"s-1\""));
		assertThat(entitlementService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/resources");
			assertThat(seen.query()).isEqualTo("pageSize=20");
		});
	}

	@Test
	void filtersByKindCustomerAndStateAndIgnoresWhatIsNotOne() {
		Partner partner = newPartner("Blue Hosting");
		entitlementService.addResource(partner.accountId(), "c-1", "servers", "s-1", "web-1");
		entitlementService.addResource(partner.accountId(), "c-2", "servers", "s-2", "web-2");
		entitlementService.addResource(partner.accountId(), "c-2", "disks", "d-2", "data-2");
		entitlementService.addResource(partner.accountId(), "c-2", "servers", "s-3", "gone", "DELETED");
		Browser browser = signedIn(partner);

		HttpResponse<String> servers = browser.get("/partner/resources?kind=servers&customer=c-2");
		HttpResponse<String> deleted = browser.get("/partner/resources?state=DELETED&lang=en");
		HttpResponse<String> odd = browser.get("/partner/resources?kind=volumes&state=ASLEEP&customer=%3Cx%3E");

		assertThat(servers.body()).contains("data-resource=\"s-2\"", "<option value=\"servers\" selected")
			.doesNotContain("data-resource=\"s-1\"", "data-resource=\"d-2\"", "data-resource=\"s-3\"");
		assertThat(deleted.body()).contains("data-resource=\"s-3\"", "Deleted").doesNotContain("data-resource=\"s-2\"");
		assertThat(odd.statusCode()).isEqualTo(200);
		assertThat(odd.body()).contains("data-resource=\"s-1\"", "data-resource=\"d-2\"")
			.doesNotContain("data-resource=\"s-3\"", "<x>");
		assertThat(entitlementService.requests)
			.filteredOn((seen) -> seen.path().equals("/v1/accounts/" + partner.accountId() + "/resources"))
			.extracting(FakePartnerService.Seen::query)
			.contains("kind=servers&customer=c-2&pageSize=20", "state=DELETED&pageSize=20", "pageSize=20");
	}

	@Test
	void pagesKeepingTheFilters() {
		Partner partner = newPartner("Blue Hosting");
		for (int i = 0; i < 25; i++) {
			entitlementService.addResource(partner.accountId(), "c-1", "disks", "d-" + i, "disk " + i);
		}
		Browser browser = signedIn(partner);

		HttpResponse<String> first = browser.get("/partner/resources?kind=disks&customer=c-1");
		HttpResponse<String> second = browser.get("/partner/resources?kind=disks&customer=c-1&pageToken=20");

		assertThat(first.body()).contains("data-resource=\"d-24\"", "data-resource=\"d-5\"",
				"id=\"next-page\" href=\"/partner/resources?kind=disks&amp;customer=c-1&amp;state=&amp;pageToken=20\"")
			.doesNotContain("data-resource=\"d-4\"", "id=\"first-page\"");
		assertThat(second.body()).contains("data-resource=\"d-4\"", "data-resource=\"d-0\"", "id=\"first-page\"")
			.doesNotContain("data-resource=\"d-5\"", "id=\"next-page\"");
	}

	@Test
	void showsOneCustomersResourcesWithWhoTheCustomerIs() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-9", "alice01", "Alice Kim");
		entitlementService.addResource(partner.accountId(), "c-9", "servers", "s-1", "web-1");
		entitlementService.addResource(partner.accountId(), "c-9", "public-ips", "ip-1", "ip for web");
		entitlementService.addResource(partner.accountId(), "c-8", "servers", "s-8", "someone else's");
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/customers/c-9/resources?kind=public-ips");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body())
			.contains("Alice Kim", "alice01", "ip for web", "href=\"/partner/jobs?customer=c-9\"",
					"href=\"/partner/resources\"", "action=\"/partner/customers/c-9/resources\"")
			.doesNotContain("web-1", "someone else", "id=\"customer\"");
		assertThat(entitlementService.requests)
			.anySatisfy((seen) -> assertThat(seen.query()).isEqualTo("kind=public-ips&customer=c-9&pageSize=20"));
	}

	@Test
	void anotherPartnersCustomerHasNoResourcesPage() {
		Partner owner = newPartner("Owner Hosting");
		owner.account().addCustomer("c-owned", "bob01", "Bob");
		entitlementService.addResource(owner.accountId(), "c-owned", "servers", "s-x", "secret-server");
		Partner other = newPartner("Other Hosting");
		Browser browser = signedIn(other);

		HttpResponse<String> page = browser.get("/partner/customers/c-owned/resources");
		HttpResponse<String> filtered = browser.get("/partner/resources?customer=c-owned");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("secret-server", "Bob");
		assertThat(filtered.body()).contains("id=\"resources-empty\"").doesNotContain("secret-server");
	}

}
