package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps partners apart and forms honest: the CSRF token of the session on every
 * state-changing request, the account always taken from the session's token, and the
 * security headers of every page.
 */
class PartnerToolSecurityIT extends PartnerToolTestSupport {

	/** Every state-changing request of the tool, with the fields its form sends. */
	private static final List<List<String>> POSTS = List.of(
			List.of("/partner/customers", "userId", "mallory01", "displayName", "Mallory"),
			List.of("/partner/customers/c-1", "displayName", "Renamed"), List.of("/partner/customers/c-1/delete"),
			List.of("/partner/customers/c-1/console"),
			List.of("/partner/settings", "callbackUrl", "https://evil.example/cb"), List.of("/partner/webhooks/secret"),
			List.of("/partner/credentials", "description", "evil"), List.of("/partner/credentials/client-1/revoke"),
			List.of("/partner/sign-out"));

	@Test
	void refusesEveryStateChangingRequestWithoutTheSessionsCsrfToken() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().addCustomer("c-1", "alice01", "Alice");
		Browser browser = signedIn(partner);
		Browser other = signedIn(newPartner("Green Hosting"));
		String othersToken = other.csrf();
		String ownToken = browser.csrf();

		for (List<String> post : POSTS) {
			List<String> fields = post.subList(1, post.size());
			for (List<String> form : List.of(fields, with("_csrf", "", fields), with("_csrf", "x".repeat(43), fields),
					with("_csrf", othersToken, fields), with("_csrf", ownToken + "x", fields))) {
				HttpResponse<String> refused = browser.post(post.get(0), form, "Accept-Language", "en");
				assertThat(refused.statusCode()).as(post.get(0) + " " + form).isEqualTo(403);
				assertThat(refused.body()).contains("data-notice=\"csrf\"", "This form was not accepted",
						"nothing was changed");
				assertNoInternals(refused);
			}
		}

		assertThat(requestsOf(partner)).noneMatch(FakePartnerService.Seen::changes);
		assertThat(partner.account().customers).containsKey("c-1");
		// still signed in: the refused sign-out did nothing either
		assertThat(browser.get("/partner/customers").statusCode()).isEqualTo(200);
	}

	@Test
	void keepsEachPartnerToTheAccountOfItsOwnToken() {
		Partner blue = newPartner("Blue Hosting");
		Partner green = newPartner("Green Hosting");
		blue.account().addCustomer("c-blue", "bluecust", "Blue Customer");
		green.account().addCustomer("c-green", "greencust", "Green Customer");
		green.account().credentials.put("client-green", new java.util.LinkedHashMap<>(
				java.util.Map.of("clientId", "client-green", "scopes", List.of("partner"), "state", "ACTIVE")));
		Browser browser = signedIn(blue);

		HttpResponse<String> list = browser.get(
				"/partner/customers?accountId=" + green.accountId() + "&account=" + green.accountId(), "X-Account-Id",
				green.accountId());
		assertThat(list.body()).contains("Blue Customer").doesNotContain("Green Customer");
		HttpResponse<String> foreign = browser.get("/partner/customers/c-green", "Accept-Language", "en");
		assertThat(foreign.statusCode()).isEqualTo(404);
		assertThat(foreign.body()).contains("data-notice=\"not-found\"").doesNotContain("Green Customer");
		assertThat(browser.get("/partner/customers/c-green/delete").statusCode()).isEqualTo(404);
		browser.get("/partner/customers");
		assertThat(browser.submit("/partner/customers/c-green/delete", "accountId", green.accountId()).statusCode())
			.isEqualTo(404);
		assertThat(browser.submit("/partner/customers/c-green/console", "accountId", green.accountId()).statusCode())
			.isEqualTo(404);
		assertThat(
				browser.submit("/partner/customers/c-green", "displayName", "Hijacked", "accountId", green.accountId())
					.statusCode())
			.isEqualTo(404);
		browser.submit("/partner/credentials/client-green/revoke", "accountId", green.accountId());
		HttpResponse<String> settings = browser.get("/partner/settings?accountId=" + green.accountId());
		assertThat(settings.body()).contains("id=\"account-id\">" + blue.accountId() + "<");

		assertThat(green.account().customers.get("c-green")).containsEntry("displayName", "Green Customer");
		assertThat(green.account().credentials.get("client-green")).containsEntry("state", "ACTIVE");
		assertThat(requestsOf(blue)).isNotEmpty()
			.allSatisfy((seen) -> assertThat(seen.path()).satisfiesAnyOf(
					(path) -> assertThat(path).startsWith("/v1/accounts/" + blue.accountId()),
					(path) -> assertThat(path).startsWith("/v1/members/")))
			.noneSatisfy((seen) -> assertThat(seen.path() + "?" + seen.query()).contains(green.accountId()));
	}

	@Test
	void answersEveryPageWithSecurityHeaders() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);

		for (String path : List.of("/partner/customers", "/partner/settings", "/partner/webhooks",
				"/partner/credentials", "/partner/customers/new")) {
			HttpResponse<String> page = browser.get(path);
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'", "script-src 'self'",
						"style-src 'self'", "form-action 'self';", "frame-ancestors 'none'"));
			assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(page.body()).contains("<link rel=\"stylesheet\" href=\"/partner/assets/partnertool.css\">")
				.doesNotContain("<style", "http://cdn", "https://cdn", " style=\"");
		}
		HttpResponse<String> css = browser.get("/partner/assets/partnertool.css");
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
	}

	private static List<String> with(String name, String value, List<String> fields) {
		List<String> all = new java.util.ArrayList<>(List.of(name, value));
		all.addAll(fields);
		return all;
	}

}
