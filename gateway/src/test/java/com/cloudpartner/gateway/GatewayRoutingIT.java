package com.cloudpartner.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.cloudpartner.gateway.config.RouteLookup;
import com.cloudpartner.support.test.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.ForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.RemoveForwardedHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.XForwardedHeadersFilter;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayRoutingIT extends GatewayTestSupport {

	@ParameterizedTest
	@CsvSource({ "GET, /v1/accounts/acme, partner", "POST, /v1/accounts/acme/customers, partner",
			"GET, /v1/accounts/acme/customers/c1, partner",
			"POST, /v1/accounts/acme/customers/c1/console-tokens, partner",
			"POST, /v1/accounts/acme/credentials, partner", "POST, /v1/accounts/acme/customers/import, entitlement",
			"POST, /v1/accounts/acme/customers/c1/entitlements, entitlement",
			"GET, /v1/accounts/acme/customers/c1/servers/s1, entitlement",
			"GET, /v1/accounts/acme/billing-accounts, entitlement", "GET, /v1/accounts/acme/jobs/j1, entitlement",
			"GET, /v1/accounts/acme/jobs, entitlement", "GET, /v1/accounts/acme/resources, entitlement",
			"GET, /v1/accounts/acme/customers/c1/purchasable-skus, entitlement",
			"GET, /v1/accounts/acme/billing/current-month, billing",
			"GET, /v1/accounts/acme/customers/c1/billing/current-month, billing",
			"PUT, /v1/accounts/acme/customers/c1/repricing-config, billing",
			"GET, /v1/accounts/acme/invoices/inv-1, billing", "GET, /v1/accounts/acme/billing-export, billing" })
	void routesPartnerOnOwnAccountByPath(String method, String path, String service) {
		this.http.method(HttpMethod.valueOf(method))
			.uri(path + "?pageSize=5")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.method")
			.isEqualTo(method)
			.jsonPath("$.path")
			.isEqualTo(path)
			.jsonPath("$.query")
			.isEqualTo("pageSize=5");
	}

	@ParameterizedTest
	@CsvSource({ "/v1/products/server-basic/skus, entitlement", "/v1/offers, entitlement",
			"/v1/operations/op-1, entitlement", "/v1/os-images, entitlement", "/v1/os-images/ubuntu-24.04, entitlement",
			"/v1/billing-runs, billing", "/v1/billing-export/schema, billing", "/v1/partner-applications, partner",
			"/v1/accounts/globex, partner" })
	void routesOperatorEverywhere(String path, String service) {
		this.http.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.operator()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo(service)
			.jsonPath("$.headers['x-verified-scopes']")
			.isEqualTo("operator");
	}

	@Test
	void routesTokenEndpointAndJwksWithoutToken() {
		this.http.post()
			.uri("/v1/oauth/token")
			.header(HttpHeaders.AUTHORIZATION, "Basic ZGVtby1wYXJ0bmVyOnNlY3JldA==")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("grant_type=client_credentials")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("partner")
			.jsonPath("$.path")
			.isEqualTo("/v1/oauth/token")
			.jsonPath("$.headers.authorization")
			.isEqualTo("Basic ZGVtby1wYXJ0bmVyOnNlY3JldA==")
			.jsonPath("$.headers['x-verified-subject']")
			.doesNotExist();
		this.http.get()
			.uri("/.well-known/jwks.json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("partner");
	}

	@Test
	void replacesSpoofedIdentityHeadersWithVerifiedOnes() {
		this.http.get()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("X-Verified-Account", "globex")
			.header("X-Verified-Scopes", "operator")
			.header("X-Account-Id", "globex")
			.header("X-Forwarded-User", "admin")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers['x-verified-account']")
			.isEqualTo(ACCOUNT)
			.jsonPath("$.headers['x-verified-subject']")
			.isEqualTo("client-acme")
			.jsonPath("$.headers['x-verified-scopes']")
			.isEqualTo("partner")
			.jsonPath("$.headers['x-account-id']")
			.doesNotExist()
			.jsonPath("$.headers['x-forwarded-user']")
			.doesNotExist();
	}

	@Test
	void dropsSpoofedIdentityHeadersOnPublicPaths() {
		this.http.post()
			.uri("/v1/members/login")
			.header("X-Verified-Account", "globex")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers['x-verified-account']")
			.doesNotExist();
	}

	@Test
	void continuesTheCallersTraceAndStartsOneWhenThereIsNone() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.http.get()
			.uri("/v1/products")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.traceparent")
			.value((String forwarded) -> {
				assertThat(forwarded).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
				// the gateway's own span is the parent the service sees
				assertThat(forwarded).doesNotContain("00f067aa0ba902b7");
			});
		this.http.get()
			.uri("/v1/products")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers.traceparent")
			.value((String forwarded) -> assertThat(forwarded).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
				.doesNotContain(traceId));
	}

	@Test
	void echoesSaneRequestId() {
		this.http.get()
			.uri("/v1/products")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("X-Request-Id", "req-42.a:b")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Request-Id", "req-42.a:b")
			.expectBody()
			.jsonPath("$.headers['x-request-id']")
			.isEqualTo("req-42.a:b");
		this.http.get()
			.uri("/v1/products")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("X-Request-Id", "no spaces <allowed>")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("X-Request-Id", (id) -> assertThat(id).matches("[0-9a-f-]{36}"));
	}

	@Test
	void answersUnknownPathWithProblem() {
		this.http.get()
			.uri("/v1/nothing-here")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.operator()))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void answersServiceDownWith503WithinTimeoutAndRecoversWhenItReturns() {
		long start = System.nanoTime();
		postConsoleForm().expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("SERVICE_UNAVAILABLE");
		// connection refused: well within the 2 s connect timeout
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		int port = URI.create(CONSOLE_DOWN).getPort();
		FakeBackend.start("console", port);
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> postConsoleForm().expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.service")
				.isEqualTo("console"));
	}

	private WebTestClient.ResponseSpec postConsoleForm() {
		return this.http.post()
			.uri("/console")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("user_id=u1&jwt=x")
			.exchange();
	}

	@Test
	void proxiesWithoutTheUnusedHeaderFilters(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(GRPCRequestHeadersFilter.class)).isEmpty();
		assertThat(context.getBeansOfType(GRPCResponseHeadersFilter.class)).isEmpty();
		assertThat(context.getBeansOfType(ForwardedHeadersFilter.class)).isEmpty();
		assertThat(context.getBeansOfType(RemoveForwardedHeadersFilter.class)).isEmpty();
		assertThat(context.getBeansOfType(XForwardedHeadersFilter.class)).hasSize(1);
		assertThat(context.getBeansOfType(HttpHeadersFilter.class)).isNotEmpty();
	}

	@Test
	void passesTheOriginInXForwardedHeadersAndNeverACallersForwardedHeader() {
		this.http.get()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.header("Forwarded", "for=203.0.113.9;proto=https;host=evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.headers['forwarded']")
			.doesNotExist()
			.jsonPath("$.headers['x-forwarded-for']")
			.exists()
			.jsonPath("$.headers['x-forwarded-proto']")
			.isEqualTo("http");
	}

	@Test
	void looksRoutesUpInTheirOrder(@Autowired RoutePredicateHandlerMapping mapping) {
		assertThat(mapping).isInstanceOf(RouteLookup.class);
		List<String> ids = ((RouteLookup) mapping).routesInOrder().stream().map(Route::getId).toList();
		assertThat(ids).startsWith("entitlement-customer-import").contains("partner-customers", "console");
		assertThat(ids.indexOf("entitlement-customer-import")).isLessThan(ids.indexOf("partner-customers"));
		long stockLookups = ((RouteLookup) mapping).stockLookups();
		this.http.get()
			.uri("/v1/accounts/acme/customers")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(((RouteLookup) mapping).stockLookups()).isEqualTo(stockLookups);
	}

	@Test
	void retriesOnlyIdempotentReads() {
		this.http.get()
			.uri("/v1/operations/flaky-read")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(ENTITLEMENT.calls("/v1/operations/flaky-read")).isEqualTo(2);
		this.http.post()
			.uri("/v1/accounts/acme/customers/flaky-write/entitlements")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(503);
		assertThat(ENTITLEMENT.calls("/v1/accounts/acme/customers/flaky-write/entitlements")).isEqualTo(1);
	}

	@Test
	void doesNotRetryAReadWhoseServiceSaysWhenToComeBack() {
		this.http.get()
			.uri("/v1/operations/busy-read")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "5");
		assertThat(ENTITLEMENT.calls("/v1/operations/busy-read")).isEqualTo(1);
	}

	@Test
	void sheddsCallsBeyondTheServicesBulkhead() {
		WebClient client = WebClient.create("http://localhost:" + this.port);
		String token = bearer(TestTokens.partner("bulk"));
		List<Integer> statuses = Flux.range(0, 10)
			.flatMap(
					(i) -> client.get()
						.uri("/v1/operations/slow-" + i)
						.header(HttpHeaders.AUTHORIZATION, token)
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					10)
			.collectList()
			.block(Duration.ofSeconds(20));
		assertThat(statuses).contains(200, 503);
		assertThat(statuses.stream().filter((s) -> s == 200).count()).isLessThanOrEqualTo(4);
	}

}
