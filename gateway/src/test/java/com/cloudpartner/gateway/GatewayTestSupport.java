package com.cloudpartner.gateway;

import com.cloudpartner.support.test.TestKafka;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole gateway on a random port in front of fake partner, entitlement and billing
 * services that echo what they receive, a console service that is down (until the
 * recovery test starts it), and a real (embedded) Kafka broker. Every {@code *IT} extends
 * this, so that they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

	static final String ACCOUNT = "acme";

	static final FakeBackend PARTNER = FakeBackend.start("partner");

	static final FakeBackend ENTITLEMENT = FakeBackend.start("entitlement");

	static final FakeBackend BILLING = FakeBackend.start("billing");

	/** console-service is down until a test brings it up (on this very port). */
	static final String CONSOLE_DOWN = FakeBackend.deadUrl();

	static final String CONSOLE_ORIGIN = "https://console.partner.example";

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void backends(DynamicPropertyRegistry registry) {
		registry.add("platform.security.jwks-uri", () -> TestTokens.jwksUri().toString());
		registry.add("platform.services.partner", PARTNER::url);
		registry.add("platform.services.entitlement", ENTITLEMENT::url);
		registry.add("platform.services.billing", BILLING::url);
		registry.add("platform.services.console", () -> CONSOLE_DOWN);
		registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
		registry.add("platform.gateway.rate-limits.plans.tiny.capacity", () -> "3");
		registry.add("platform.gateway.rate-limits.plans.tiny.refill-per-second", () -> "1");
		registry.add("platform.gateway.rate-limits.accounts.limited", () -> "tiny");
		registry.add("platform.gateway.cors.allowed-origins", () -> CONSOLE_ORIGIN);
		registry.add("platform.gateway.bulkhead.max-concurrent-calls", () -> "4");
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

}
