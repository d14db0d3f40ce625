package com.cloudpartner.gateway;

import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cloudpartner.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayObservabilityIT extends GatewayTestSupport {

	@Test
	void writesOneJsonAccessLogLinePerRequest() {
		Logger logger = (Logger) LoggerFactory.getLogger("gateway.access");
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		try {
			String traceId = "0af7651916cd43dd8448eb211c80319c";
			this.http.get()
				.uri("/v1/accounts/acme/customers")
				.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
				.header("X-Request-Id", "access-log-1")
				.header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
				.exchange()
				.expectStatus()
				.isOk();
			List<JsonNode> lines = appender.list.stream()
				.map((event) -> JsonMapper.builder().build().readTree(event.getFormattedMessage()))
				.filter((line) -> "access-log-1".equals(line.path("requestId").asString()))
				.toList();
			assertThat(lines).hasSize(1);
			JsonNode line = lines.get(0);
			assertThat(line.path("traceId").asString()).isEqualTo(traceId);
			assertThat(line.path("account").asString()).isEqualTo(ACCOUNT);
			assertThat(line.path("route").asString()).isEqualTo("partner-customers");
			assertThat(line.path("status").asInt()).isEqualTo(200);
			assertThat(line.path("latencyMs").asDouble()).isPositive();
		}
		finally {
			logger.detachAppender(appender);
		}
	}

	@Test
	void exportsRequestMetricsPerRouteAndAccount() {
		this.http.get()
			.uri("/v1/accounts/acme/invoices")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner(ACCOUNT)))
			.exchange()
			.expectStatus()
			.isOk();
		String scrape = this.http.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.operator()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).containsPattern(
				"gateway_requests_seconds_count\\{[^}]*account=\"acme\"[^}]*route=\"billing-accounts\"[^}]*status=\"200\"");
	}

	@Test
	void showsMetricsOnlyToAnOperator() {
		for (String token : new String[] { null, TestTokens.partner(ACCOUNT), "not-a-token" }) {
			var request = this.http.get().uri("/actuator/prometheus");
			if (token != null) {
				request = request.header(HttpHeaders.AUTHORIZATION, bearer(token));
			}
			request.exchange()
				.expectStatus()
				.value((status) -> assertThat(status).isIn(401, 403))
				.expectHeader()
				.contentType("application/problem+json")
				.expectBody(String.class)
				.value((body) -> assertThat(body).doesNotContain("acme"));
		}
		this.http.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.http.get().uri("/actuator/info").exchange().expectStatus().isOk();
	}

}
