package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages when billing- or entitlement-service fails or says that the partner is suspended:
 * a clear page in the member's language, never an upstream body.
 */
class PartnerMoneyFailuresIT extends PartnerToolTestSupport {

	@Test
	void saysSoWhenBillingServiceFailsAndKeepsTheSession() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		billingService.brokenAccounts.add(partner.accountId());
		try {
			for (String path : new String[] { "/partner/charges", "/partner/invoices", "/partner/invoices/inv-1",
					"/partner/invoices/export?month=2026-10" }) {
				HttpResponse<String> page = browser.get(path);

				assertThat(page.statusCode()).as(path).isEqualTo(503);
				assertThat(page.body()).as(path).contains("data-notice=\"unavailable\"");
				assertThat(page.headers().firstValue("Content-Disposition")).as(path).isEmpty();
				assertNoInternals(page);
			}
		}
		finally {
			billingService.brokenAccounts.remove(partner.accountId());
		}
		assertThat(browser.get("/partner/invoices").statusCode()).isEqualTo(200);
	}

	@Test
	void saysSoWhenEntitlementServiceFails() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice");
		Browser browser = signedIn(partner);
		entitlementService.brokenAccounts.add(partner.accountId());
		try {
			for (String path : new String[] { "/partner/jobs", "/partner/prices",
					"/partner/customers/c-1/resources" }) {
				HttpResponse<String> page = browser.get(path);

				assertThat(page.statusCode()).as(path).isEqualTo(503);
				assertThat(page.body()).as(path).contains("data-notice=\"unavailable\"");
				assertNoInternals(page);
			}
		}
		finally {
			entitlementService.brokenAccounts.remove(partner.accountId());
		}
	}

	@Test
	void endsTheSessionWhenBillingSaysThePartnerIsSuspended() {
		Partner partner = newPartner("Red Cloud");
		Browser browser = signedIn(partner);
		partnerService.suspendedAccounts.add(partner.accountId());
		try {
			HttpResponse<String> page = browser.get("/partner/invoices/export?month=2026-10");

			assertThat(page.statusCode()).isEqualTo(403);
			assertThat(page.body()).contains("data-notice=\"suspended\"");
			assertThat(setCookie(page, "PARTNER_SESSION").orElseThrow()).contains("Max-Age=0");
		}
		finally {
			partnerService.suspendedAccounts.remove(partner.accountId());
		}
	}

}
