package com.cloudpartner.support.config;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, added last so that a service's own configuration wins:
 * OpenAPI documents in version 3.0 (what the contract tools understand) and JSON for
 * them, and request headers up to 16 KB (the gateway's limit).
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
							"server.max-http-request-header-size", "16KB")));
	}

}
