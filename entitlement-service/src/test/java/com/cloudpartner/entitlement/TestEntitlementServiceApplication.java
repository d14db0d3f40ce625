package com.cloudpartner.entitlement;

import com.cloudpartner.support.test.RealInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the service locally the way its tests do: a fresh database on the machine's
 * PostgreSQL, a real Kafka broker, the test token issuer's JWKS and the demo catalog.
 */
public class TestEntitlementServiceApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(EntitlementServiceApplication.class).initializers(new RealInfrastructure())
			.profiles("local")
			.run(args);
	}

}
