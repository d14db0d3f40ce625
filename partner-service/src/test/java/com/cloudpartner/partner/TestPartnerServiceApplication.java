package com.cloudpartner.partner;

import com.cloudpartner.support.test.RealInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs partner-service locally the way its tests do: a fresh database on the machine's
 * PostgreSQL (or an embedded one), a real Kafka broker, the local profile's demo data.
 */
public class TestPartnerServiceApplication {

	public static void main(String[] args) {
		new SpringApplicationBuilder(PartnerServiceApplication.class).initializers(new RealInfrastructure())
			.profiles("local")
			.run(args);
	}

}
