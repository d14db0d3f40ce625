package com.cloudpartner.gateway;

import java.util.ArrayList;
import java.util.List;

import com.cloudpartner.support.test.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayLimitsIT extends GatewayTestSupport {

	@Test
	void limitsAnAccountByItsPlanWith429AndRateLimitHeaders() {
		String token = bearer(TestTokens.partner("limited"));
		List<EntityExchangeResult<byte[]>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			results.add(this.http.get()
				.uri("/v1/accounts/limited")
				.header(HttpHeaders.AUTHORIZATION, token)
				.exchange()
				.expectBody()
				.returnResult());
		}
		EntityExchangeResult<byte[]> first = results.get(0);
		assertThat(first.getStatus().value()).isEqualTo(200);
		assertThat(first.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("3");
		assertThat(first.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("2");
		assertThat(first.getResponseHeaders().getFirst("RateLimit-Reset")).isNotNull();
		EntityExchangeResult<byte[]> refused = results.stream()
			.filter((r) -> r.getStatus().value() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no 429 among " + results.size()));
		assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
		assertThat(refused.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
		assertThat(new String(refused.getResponseBody())).contains("\"code\":\"RATE_LIMITED\"");
		// another account is not affected
		this.http.get()
			.uri("/v1/accounts/acme")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void limitsTheTokenEndpointPerCallerAddress() {
		int refused = 0;
		for (int i = 0; i < 30; i++) {
			int status = this.http.post()
				.uri("/v1/oauth/token")
				.header("X-Forwarded-For", "203.0.113.77")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("grant_type=client_credentials")
				.exchange()
				.returnResult(Void.class)
				.getStatus()
				.value();
			refused += (status == 429) ? 1 : 0;
		}
		assertThat(refused).isPositive();
		// another caller still gets through
		this.http.post()
			.uri("/v1/oauth/token")
			.header("X-Forwarded-For", "203.0.113.78")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesOversizedRequestHeadersWith431ProblemJson() {
		// server.max-http-request-header-size is 16KB: Netty refuses before any filter
		// runs
		EntityExchangeResult<byte[]> refused = this.http.get()
			.uri("/v1/products")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("X-Padding", "x".repeat(20 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(431)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("REQUEST_HEADERS_TOO_LARGE")
			.jsonPath("$.status")
			.isEqualTo(431)
			.returnResult();
		assertThat(refused.getResponseHeaders().getContentLength()).isEqualTo(refused.getResponseBody().length);
		// headers within the limit pass
		this.http.get()
			.uri("/v1/products")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("X-Padding", "x".repeat(8 * 1024))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesBodiesAboveThePathsLimitWith413() {
		byte[] justOverOneMebibyte = new byte[1024 * 1024 + 1];
		java.util.Arrays.fill(justOverOneMebibyte, (byte) 'a');
		this.http.post()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(justOverOneMebibyte)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");
		// usage batches may be up to 2 MiB
		this.http.post()
			.uri("/v1/usage-events")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.usageWriter(ACCOUNT)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(justOverOneMebibyte)
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void refusesOversizedHeadersAndPageSizes() {
		this.http.get()
			.uri("/v1/accounts/acme")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("X-Padding", "p".repeat(20_000))
			.exchange()
			.expectStatus()
			.isEqualTo(431);
		this.http.get()
			.uri("/v1/accounts/acme/customers?pageSize=501")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED")
			.jsonPath("$.errors[0].field")
			.isEqualTo("pageSize");
		this.http.get()
			.uri("/v1/accounts/acme/customers?pageSize=500")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void putsSecurityHeadersOnEveryResponse() {
		for (var spec : List.of(
				this.http.get()
					.uri("/v1/accounts/acme")
					.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT))),
				this.http.get().uri("/v1/accounts/acme"))) {
			spec.exchange()
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.exists("Strict-Transport-Security")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer");
		}
	}

	@Test
	void answersPreflightsOnlyForConfiguredConsoleOrigins() {
		this.http.options()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.ORIGIN, CONSOLE_ORIGIN)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, CONSOLE_ORIGIN);
		this.http.options()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
	}

}
