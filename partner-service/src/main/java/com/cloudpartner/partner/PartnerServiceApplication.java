package com.cloudpartner.partner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Partner-service: the token issuer of the platform (OAuth2 client credentials, JWKS),
 * partner accounts and their settings, API credentials and the partners' customers.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartnerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PartnerServiceApplication.class, args);
	}

}
