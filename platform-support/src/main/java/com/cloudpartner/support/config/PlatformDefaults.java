package com.cloudpartner.support.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added last so that a service's own configuration wins:
 * OpenAPI documents in version 3.0 (what the contract tools understand) and JSON for
 * them, request headers up to 16 KB (the gateway's limit), and a short wait for a
 * database connection.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("platformDefaults",
					Map.of("springdoc.api-docs.version", "openapi_3_0", "springdoc.default-produces-media-type",
							"application/json",
							// as the gateway's: a long header (an Idempotency-Key of
							// 10,000
							// characters) reaches the request checks and gets their code
							"server.max-http-request-header-size", "16KB",
							// a request waits at most 3 s for a database connection, then
							// answers 503 SERVICE_UNAVAILABLE (TransientFailures) instead
							// of hanging 30 s while PostgreSQL is away (decision 0071)
							"spring.datasource.hikari.connection-timeout", "3000",
							"spring.datasource.hikari.validation-timeout", "1000")));
	}

}
