package com.cloudpartner.partner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Partner-service: the token issuer of the platform (OAuth2 client credentials, JWKS),
 * members and partner applications, partner accounts and their settings, API credentials,
 * the partners' customers and callback webhooks.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PartnerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PartnerServiceApplication.class, args);
	}

}
