package com.cloudpartner.gateway;

import java.net.URI;
import java.time.Duration;

import com.cloudpartner.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySecurityIT extends GatewayTestSupport {

	@Test
	void refusesRequestWithoutTokenWithBearerChallenge() {
		this.http.get()
			.uri("/v1/accounts/acme/customers")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer"))
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401)
			.jsonPath("$.code")
			.isEqualTo("TOKEN_MISSING");
	}

	@Test
	void refusesExpiredAndForgedTokens() {
		for (String token : new String[] { TestTokens.expiredPartner(ACCOUNT), TestTokens.forgedPartner(ACCOUNT),
				"not-a-jwt" }) {
			this.http.get()
				.uri("/v1/accounts/acme/customers")
				.header(HttpHeaders.AUTHORIZATION, bearer(token))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectHeader()
				.value(HttpHeaders.WWW_AUTHENTICATE, (value) -> assertThat(value).startsWith("Bearer"))
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("TOKEN_INVALID");
		}
	}

	@Test
	void keepsPartnerOutOfAnotherAccount() {
		this.http.get()
			.uri("/v1/accounts/globex/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ACCOUNT_FORBIDDEN");
	}

	@Test
	void letsReadOnlyPartnerReadButNotWrite() {
		String readOnly = TestTokens.builder("reader", "partner-api", "partner.read", Duration.ofMinutes(5))
			.claim("acct", ACCOUNT)
			.compact();
		this.http.get()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(readOnly))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("partner");
		this.http.post()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(readOnly))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"userId\":\"u1\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ACCOUNT_FORBIDDEN");
	}

	@Test
	void confinesConsoleTokenToItsCustomersConsolePaths() {
		String console = TestTokens.console(ACCOUNT, "cust-1");
		this.http.get()
			.uri("/v1/accounts/acme/customers/cust-1/entitlements")
			.header(HttpHeaders.AUTHORIZATION, bearer(console))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("entitlement")
			.jsonPath("$.headers['x-verified-customer']")
			.isEqualTo("cust-1");
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/acme/customers/cust-2/entitlements"), console);
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/acme"), console);
		expectConsoleForbidden(this.http.post().uri("/v1/accounts/acme/customers/cust-1/entitlements"), console);
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/globex/customers/cust-1/entitlements"), console);
	}

	@Test
	void letsConsoleTokenFollowItsJobsAndReadItsPurchasableSkus() {
		String console = TestTokens.console(ACCOUNT, "cust-1");
		for (String path : new String[] { "/v1/accounts/acme/jobs", "/v1/accounts/acme/jobs/j1",
				"/v1/accounts/acme/customers/cust-1/purchasable-skus", "/v1/os-images" }) {
			this.http.get()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, bearer(console))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.service")
				.isEqualTo("entitlement")
				.jsonPath("$.path")
				.isEqualTo(path)
				.jsonPath("$.headers['x-verified-customer']")
				.isEqualTo("cust-1");
		}
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/globex/jobs"), console);
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/acme/customers/cust-2/purchasable-skus"), console);
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/acme/customers/cust-1/purchasable-offers"), console);
		expectConsoleForbidden(this.http.get().uri("/v1/accounts/acme/resources"), console);
	}

	@Test
	void refusesDotSegmentsThatServicesWouldNormalise() {
		String console = TestTokens.console(ACCOUNT, "cust-1");
		for (String path : new String[] {
				"/v1/accounts/acme/customers/cust-1/servers/%2e%2e/%2e%2e/cust-2/entitlements",
				"/v1/accounts/acme/customers/cust-1/servers/../../cust-2/entitlements" }) {
			this.http.get()
				.uri(URI.create("http://localhost:" + this.port + path))
				.header(HttpHeaders.AUTHORIZATION, bearer(console))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("INVALID_PATH");
		}
	}

	@Test
	void acceptsUsageOnlyFromUsageWriters() {
		this.http.post()
			.uri("/v1/usage-events")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[]")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SCOPE_MISSING");
		this.http.post()
			.uri("/v1/usage-events")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.usageWriter(ACCOUNT)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[]")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("billing")
			.jsonPath("$.body")
			.isEqualTo("[]");
	}

	@Test
	void refusesTokensForAnotherAudienceOrNotYetValid() {
		String otherAudience = TestTokens.builder("client-acme", "other-api", "partner", Duration.ofMinutes(5))
			.claim("acct", ACCOUNT)
			.compact();
		String notYetValid = TestTokens.builder("client-acme", "partner-api", "partner", Duration.ofMinutes(30))
			.claim("acct", ACCOUNT)
			.notBefore(java.util.Date.from(java.time.Instant.now().plus(Duration.ofMinutes(10))))
			.compact();
		for (String token : new String[] { otherAudience, notYetValid }) {
			this.http.get()
				.uri("/v1/accounts/acme/customers")
				.header(HttpHeaders.AUTHORIZATION, bearer(token))
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("TOKEN_INVALID");
		}
	}

	@Test
	void keepsOperatorAreasAndCatalogWritesForOperators() {
		for (String path : new String[] { "/v1/billing-runs", "/v1/signing-keys/rotate", "/v1/products",
				"/v1/offers/o1/availability" }) {
			this.http.post()
				.uri(path)
				.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("OPERATOR_ONLY");
		}
		this.http.post()
			.uri("/v1/billing-runs")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.operator()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void confinesUsageWritersToUsage() {
		this.http.get()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.usageWriter(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SCOPE_MISSING");
	}

	private static void expectConsoleForbidden(WebTestClient.RequestHeadersSpec<?> request, String token) {
		request.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("CONSOLE_PATH_FORBIDDEN");
	}

}
