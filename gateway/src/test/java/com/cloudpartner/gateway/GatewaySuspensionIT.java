package com.cloudpartner.gateway;

import java.time.Duration;

import com.cloudpartner.support.test.TestKafka;
import com.cloudpartner.support.test.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class GatewaySuspensionIT extends GatewayTestSupport {

	private static final String SUSPENDED = "suspended-co";

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;

	@Test
	void refusesASuspendedPartnersTokensAtOnceEvenCachedAndAdmitsThemAgainWhenReinstated() throws Exception {
		String partner = TestTokens.partner(SUSPENDED);
		String console = TestTokens.console(SUSPENDED, "c1");
		// verified and cached before the suspension
		get("/v1/accounts/" + SUSPENDED, partner).expectStatus().isOk();
		publish("partner.suspended", "SUSPENDED");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> get("/v1/accounts/" + SUSPENDED, partner).expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("PARTNER_SUSPENDED"));
		get("/v1/accounts/" + SUSPENDED + "/customers/c1/entitlements", console).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PARTNER_SUSPENDED");
		// operators are not affected
		get("/v1/accounts/" + SUSPENDED, TestTokens.operator()).expectStatus().isOk();
		// nor another partner
		get("/v1/accounts/" + ACCOUNT, TestTokens.partner(ACCOUNT)).expectStatus().isOk();
		publish("partner.reinstated", "ACTIVE");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> get("/v1/accounts/" + SUSPENDED, partner).expectStatus().isOk());
		// the instance's own group commits nothing: it leaves nothing behind on the
		// broker
		String group = this.listeners.getListenerContainer("gateway-partner-events").getGroupId();
		assertThat(group).startsWith("gateway-");
		try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin
			.create(java.util.Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
			assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()).isEmpty();
		}
	}

	private WebTestClient.ResponseSpec get(String path, String token) {
		return this.http.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange();
	}

	private void publish(String type, String state) throws Exception {
		String event = """
				{"specversion":"1.0","id":"%s","source":"/partner-service","type":"%s",
				 "subject":"accounts/%s","time":"2026-11-23T06:00:00Z","datacontenttype":"application/json",
				 "data":{"accountId":"%s","state":"%s"}}""".formatted(java.util.UUID.randomUUID(), type, SUSPENDED,
				SUSPENDED, state);
		this.kafka.send("partner-events", "accounts/" + SUSPENDED, event).get();
	}

}
