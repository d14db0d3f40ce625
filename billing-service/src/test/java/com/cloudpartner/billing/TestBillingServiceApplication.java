package com.cloudpartner.billing;

import com.cloudpartner.support.test.RealInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs billing-service locally against the same real PostgreSQL and Kafka as its tests (a
 * fresh database, the machine's or an embedded broker, the test token issuer's JWKS).
 */
public final class TestBillingServiceApplication {

	private TestBillingServiceApplication() {
	}

	public static void main(String[] args) {
		new SpringApplicationBuilder(BillingServiceApplication.class).initializers(new RealInfrastructure()).run(args);
	}

}
