package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** API credentials: list, create (secret shown once), revoke after a confirmation. */
class PartnerCredentialsIT extends PartnerToolTestSupport {

	@Test
	void createsACredentialAndShowsItsSecretExactlyOnce() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		HttpResponse<String> page = browser.get("/partner/credentials");
		assertThat(page.body()).contains("id=\"credentials-empty\"");

		HttpResponse<String> created = browser.submit("/partner/credentials", "description", "billing system", "scopes",
				"partner", "scopes", "usage.write");

		assertThat(created.statusCode()).isEqualTo(303);
		FakePartnerService.Seen post = requestsOf(partner).stream()
			.filter((seen) -> seen.method().equals("POST") && seen.path().endsWith("/credentials"))
			.findFirst()
			.orElseThrow();
		assertThat(post.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/credentials");
		assertThat(post.body()).containsEntry("description", "billing system")
			.containsEntry("scopes", List.of("partner", "usage.write"));
		assertThat(post.idempotencyKey()).matches("[0-9a-f-]{36}");
		Map<String, Object> stored = partner.account().credentials.values().iterator().next();
		String clientId = (String) stored.get("clientId");
		HttpResponse<String> shown = browser.follow(created);
		assertThat(shown.body()).contains("id=\"new-client-id\">" + clientId + "<", "id=\"new-client-secret\">cs_",
				"data-client=\"" + clientId + "\"", "billing system");
		String secret = shown.body().replaceAll("(?s).*id=\"new-client-secret\">([^<]+)<.*", "$1");
		assertThat(browser.get("/partner/credentials").body()).doesNotContain(secret, "new-client-secret")
			.contains("data-client=\"" + clientId + "\"");
	}

	@Test
	void createsACredentialWithAllScopesWhenNoneIsTicked() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/credentials");

		assertThat(browser.submit("/partner/credentials", "description", "").statusCode()).isEqualTo(303);

		assertThat(requestsOf(partner)).anySatisfy((seen) -> {
			assertThat(seen.path()).endsWith("/credentials");
			assertThat(seen.body()).containsEntry("scopes", null);
		});
	}

	@Test
	void refusesScopesItDoesNotOffer() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/credentials");

		HttpResponse<String> refused = browser.submit("/partner/credentials", "scopes", "operator");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("표시된 권한 범위 중에서 선택해 주세요.");
		assertThat(requestsOf(partner)).noneMatch(FakePartnerService.Seen::changes);
	}

	@Test
	void revokesACredentialAfterAConfirmation() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().credentials.put("client-1", new java.util.LinkedHashMap<>(Map.of("clientId", "client-1",
				"scopes", List.of("partner"), "description", "old system", "state", "ACTIVE")));
		Browser browser = signedIn(partner);
		HttpResponse<String> list = browser.get("/partner/credentials", "Accept-Language", "en");
		assertThat(list.body()).contains("data-state=\"ACTIVE\"", "href=\"/partner/credentials/client-1/revoke\"");

		HttpResponse<String> confirm = browser.get("/partner/credentials/client-1/revoke", "Accept-Language", "en");
		assertThat(confirm.body()).contains("Revoke the credential client-1?");
		assertThat(partner.account().credentials.get("client-1")).containsEntry("state", "ACTIVE");

		HttpResponse<String> revoked = browser.submit("/partner/credentials/client-1/revoke");

		assertThat(revoked.statusCode()).isEqualTo(303);
		assertThat(partner.account().credentials.get("client-1")).containsEntry("state", "REVOKED");
		HttpResponse<String> after = browser.follow(revoked);
		assertThat(after.body()).contains("client-1 인증 정보를 폐기했습니다.", "data-state=\"REVOKED\"")
			.doesNotContain("href=\"/partner/credentials/client-1/revoke\"");
	}

	@Test
	void saysSoWhenTheCredentialIsNotThere() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);
		browser.get("/partner/credentials/client-404/revoke");

		HttpResponse<String> revoked = browser.submit("/partner/credentials/client-404/revoke");

		assertThat(browser.follow(revoked).body()).contains("class=\"flash error\"", "계정에 client-404 인증 정보가 없습니다.");
	}

}
