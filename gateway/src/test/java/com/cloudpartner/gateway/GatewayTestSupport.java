package com.cloudpartner.gateway;

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
 * services that echo what they receive, and a console service that is down. Every
 * {@code *IT} extends this, so that they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
abstract class GatewayTestSupport {

	static final String ACCOUNT = "acme";

	static final FakeBackend PARTNER = FakeBackend.start("partner");

	static final FakeBackend ENTITLEMENT = FakeBackend.start("entitlement");

	static final FakeBackend BILLING = FakeBackend.start("billing");

	static final String CONSOLE_DOWN = FakeBackend.deadUrl();

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
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

}
