package com.cloudpartner.gateway;

import org.junit.jupiter.api.Test;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayDocsIT extends GatewayTestSupport {

	@Test
	void servesSwaggerUiListingEveryService() {
		String location = this.http.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		this.http.get()
			.uri(location)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
		this.http.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].name")
			.value((names) -> assertThat(names.toString()).contains("partner-service", "entitlement-service",
					"billing-service", "console-service"));
	}

	@Test
	void proxiesEachServicesApiDocsWithoutToken() {
		this.http.get()
			.uri("/v3/api-docs/partner")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("partner")
			.jsonPath("$.path")
			.isEqualTo("/v3/api-docs");
		this.http.get()
			.uri("/v3/api-docs/billing")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("billing");
	}

	@Test
	void reportsHealthUpAndMetricsWithoutBackends() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.http.get()
			.uri("/actuator/prometheus")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.operator())
			.exchange()
			.expectStatus()
			.isOk();
	}

}
