package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Jobs across customers, filtered by customer and state. */
class PartnerJobsIT extends PartnerToolTestSupport {

	@Test
	void listsTheJobsOfAllCustomersAndFiltersThem() {
		Partner partner = newPartner("Blue Hosting");
		entitlementService.addJob(partner.accountId(), "j-1", "c-1", "SUCCEEDED");
		entitlementService.addJob(partner.accountId(), "j-2", "c-2", "FAILED");
		Browser browser = signedIn(partner);

		HttpResponse<String> all = browser.get("/partner/jobs?lang=en");
		HttpResponse<String> failed = browser.get("/partner/jobs?customer=c-2&state=FAILED");

		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("data-job=\"j-1\"", "data-job=\"j-2\"", "Succeeded",
				"href=\"/partner/customers/c-1/resources\"");
		assertThat(failed.body()).contains("data-job=\"j-2\"", "QUOTA_EXCEEDED: no capacity")
			.doesNotContain("data-job=\"j-1\"");
		assertThat(entitlementService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/jobs");
			assertThat(seen.query()).contains("customer=c-2", "state=FAILED", "pageSize=20");
		});
	}

	@Test
	void namesEachCustomerByNameAndUserIdAndOffersThemAsTheFilter() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "kim01", "<b>Kim</b> 김");
		entitlementService.addJob(partner.accountId(), "j-1", "c-1", "SUCCEEDED");
		entitlementService.addJob(partner.accountId(), "j-2", "c-gone", "SUCCEEDED");
		Browser browser = signedIn(partner);

		HttpResponse<String> all = browser.get("/partner/jobs?lang=en");
		HttpResponse<String> filtered = browser.get("/partner/jobs?customer=c-1&lang=en");

		assertThat(all.statusCode()).isEqualTo(200);
		// the rows and the filter name the customer, escaped; one the API no longer
		// lists shows its id
		assertThat(all.body()).contains(">&lt;b&gt;Kim&lt;/b&gt; 김 (kim01)</a>", ">c-gone</a>")
			.doesNotContain("<b>Kim</b>");
		assertThat(filtered.body())
			.contains("<option value=\"c-1\" selected=\"selected\">&lt;b&gt;Kim&lt;/b&gt; 김 (kim01)</option>")
			.doesNotContain("<b>Kim</b>");
	}

	@Test
	void ignoresAStateThatIsNotOne() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/jobs?state=DROP&lang=ko");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("작업 내역", "id=\"jobs-empty\"");
		assertThat(entitlementService.requests)
			.filteredOn((seen) -> seen.path().equals("/v1/accounts/" + partner.accountId() + "/jobs"))
			.allSatisfy((seen) -> assertThat(seen.query()).doesNotContain("state="));
	}

}
