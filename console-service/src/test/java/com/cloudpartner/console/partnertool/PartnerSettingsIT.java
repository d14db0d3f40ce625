package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Account settings, the callback secret and the delivery log. */
class PartnerSettingsIT extends PartnerToolTestSupport {

	@Test
	void showsTheAccountSettingsAndSavesAChange() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().settings.put("callbackUrl", "https://old.example.com/cb");
		partner.account().settings.put("contacts",
				List.of(Map.of("role", "TECHNICAL", "name", "Minji Park", "email", "ops@blue.example")));
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/settings");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"account-id\">" + partner.accountId() + "<", "공급가 할인 20%, KRW 청구",
				"value=\"https://old.example.com/cb\"", "value=\"Minji Park\"", "value=\"30\"");

		HttpResponse<String> saved = browser.submit("/partner/settings", "contacts[0].role", "TECHNICAL",
				"contacts[0].name", "Minji Park", "contacts[0].email", "ops@blue.example", "contacts[0].phone", "",
				"contacts[1].role", "", "contacts[1].name", "", "contacts[1].email", "", "contacts[1].phone", "",
				"contacts[2].role", "SALES", "contacts[2].name", "Jisoo Lee", "contacts[2].email", "",
				"contacts[2].phone", "02-123-4567", "callbackUrl", "https://blue.example/callbacks", "consoleLoginUrl",
				"https://blue.example/console", "consoleSessionTtlMinutes", "60", "taxContact.name", "Tax Team",
				"taxContact.email", "tax@blue.example", "taxContact.phone", "", "branding.displayName", "Blue Cloud",
				"branding.logoUrl", "", "branding.primaryColor", "#0055AA");

		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
		FakePartnerService.Seen patch = requestsOf(partner).stream()
			.filter((seen) -> seen.method().equals("PATCH"))
			.findFirst()
			.orElseThrow();
		assertThat(patch.path()).isEqualTo("/v1/accounts/" + partner.accountId());
		assertThat(patch.body()).containsEntry("callbackUrl", "https://blue.example/callbacks")
			.containsEntry("consoleLoginUrl", "https://blue.example/console")
			.containsEntry("consoleSessionTtlMinutes", 60)
			.containsEntry("contacts",
					List.of(Map.of("role", "TECHNICAL", "name", "Minji Park", "email", "ops@blue.example", "phone", ""),
							Map.of("role", "SALES", "name", "Jisoo Lee", "email", "", "phone", "02-123-4567")))
			.containsEntry("taxContact",
					Map.of("role", "TAX", "name", "Tax Team", "email", "tax@blue.example", "phone", ""))
			.containsEntry("branding", Map.of("displayName", "Blue Cloud", "logoUrl", "", "primaryColor", "#0055AA"))
			.doesNotContainKey("contract");
		HttpResponse<String> after = browser.follow(saved);
		assertThat(after.body()).contains("계정 설정을 저장했습니다.", "value=\"https://blue.example/callbacks\"",
				"value=\"Jisoo Lee\"", "value=\"60\"");
	}

	@Test
	void checksTheFormBeforeSendingIt() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/settings");

		HttpResponse<String> refused = browser.submit("/partner/settings", "callbackUrl", "ftp://x",
				"consoleSessionTtlMinutes", "3", "branding.primaryColor", "blue", "contacts[0].email", "nope",
				"Accept-Language", "en");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"callbackUrl-error\"", "id=\"consoleSessionTtlMinutes-error\"",
				"id=\"primaryColor-error\"", "value=\"ftp://x\"", "value=\"blue\"", "올바른 이메일 주소를 입력해 주세요.");
		assertThat(requestsOf(partner)).noneMatch(FakePartnerService.Seen::changes);
	}

	@Test
	void showsPartnerServicesRefusalNextToTheField() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/settings");

		HttpResponse<String> refused = browser.submit("/partner/settings", "callbackUrl", "https://localhost/cb");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"callbackUrl-error\"", "플랫폼 응답: must not be a loopback address",
				"value=\"https://localhost/cb\"");
		assertThat(partner.account().settings).doesNotContainKey("callbackUrl");
	}

	@Test
	void rotatesTheCallbackSecretAndShowsItOnce() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/webhooks");

		HttpResponse<String> rotated = browser.submit("/partner/webhooks/secret");

		assertThat(rotated.statusCode()).isEqualTo(303);
		assertThat(partner.account().secrets).hasSize(1);
		String secret = partner.account().secrets.get(0);
		HttpResponse<String> shown = browser.follow(rotated);
		assertThat(shown.body()).contains("id=\"new-secret-value\">" + secret + "<", "이번 한 번만 표시되며");
		assertThat(shown.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(browser.get("/partner/webhooks").body()).doesNotContain(secret, "id=\"new-secret\"");
	}

	@Test
	void showsTheDeliveryLogFilteredByState() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().deliveries.add(Map.of("id", "d-1", "eventId", "ev-1", "eventType", "customer.created",
				"attempts", 1, "lastStatus", 200, "state", "DELIVERED", "lastAttemptTime", "2026-10-01T00:00:00Z"));
		partner.account().deliveries
			.add(Map.of("id", "d-2", "eventId", "ev-2", "eventType", "invoice.issued", "attempts", 4, "lastStatus", 500,
					"lastError", "HTTP 500 <b>oops</b>", "state", "FAILED", "lastAttemptTime", "2026-10-01T01:00:00Z"));
		Browser browser = signedIn(partner);

		HttpResponse<String> all = browser.get("/partner/webhooks", "Accept-Language", "en");
		assertThat(all.body()).contains("data-delivery=\"d-1\"", "data-delivery=\"d-2\"", "customer.created",
				"2026-10-01 10:00", "HTTP 500 &lt;b&gt;oops&lt;/b&gt;");

		HttpResponse<String> failed = browser.get("/partner/webhooks?state=FAILED");
		assertThat(failed.body()).contains("data-delivery=\"d-2\"").doesNotContain("data-delivery=\"d-1\"");
		assertThat(requestsOf(partner)).anySatisfy((seen) -> assertThat(seen.query()).contains("state=FAILED"));

		HttpResponse<String> bogus = browser.get("/partner/webhooks?state=%3Cx%3E");
		assertThat(bogus.statusCode()).isEqualTo(200);
		assertThat(bogus.body()).contains("data-delivery=\"d-1\"");
	}

}
