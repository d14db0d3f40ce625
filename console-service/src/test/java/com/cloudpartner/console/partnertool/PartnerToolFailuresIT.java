package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Pages when partner-service suspends the partner or fails. */
class PartnerToolFailuresIT extends PartnerToolTestSupport {

	@Test
	void endsTheSessionWithAClearPageWhenThePartnerIsSuspended() {
		Partner partner = newPartner("Red Cloud");
		Browser browser = signedIn(partner);
		partnerService.suspendedAccounts.add(partner.accountId());

		HttpResponse<String> page = browser.get("/partner/customers", "Accept-Language", "en");

		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.body()).contains("data-notice=\"suspended\"", "Your partner account is suspended");
		assertThat(setCookie(page, "PARTNER_SESSION").orElseThrow()).contains("Max-Age=0");
		assertNoInternals(page);
		partnerService.suspendedAccounts.remove(partner.accountId());
		assertThat(browser.get("/partner/customers").statusCode()).isEqualTo(303);
	}

	@Test
	void saysSoWhenPartnerServiceFailsAndKeepsTheSession() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		partnerService.brokenAccounts.add(partner.accountId());

		HttpResponse<String> page = browser.get("/partner/settings");

		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.body()).contains("data-notice=\"unavailable\"", "지금은 서비스를 이용할 수 없습니다",
				"id=\"login-id\">" + partner.loginId() + "<");
		assertNoInternals(page);
		partnerService.brokenAccounts.remove(partner.accountId());
		assertThat(browser.get("/partner/settings").statusCode()).isEqualTo(200);
	}

	@Test
	void answersAnUnknownCustomerWithANotFoundPage() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/customers/c-404");

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("data-notice=\"not-found\"", "찾을 수 없습니다");
		assertNoInternals(page);
	}

}
