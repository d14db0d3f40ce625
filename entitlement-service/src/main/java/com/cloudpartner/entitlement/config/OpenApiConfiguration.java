package com.cloudpartner.entitlement.config;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.utils.SpringDocUtils;

import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: bearer JWT everywhere and the gateway as the server. Every
 * controller declares its 4XX/5XX answers as {@link ProblemDocument}, so that springdoc
 * generates the {@code Problem} schema itself.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static {
		// resolved from the verified bearer token, never sent by a client
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(VerifiedToken.class);
	}

	@Bean
	OpenAPI entitlementServiceOpenApi(@Value("${platform.openapi.server-url:http://localhost:8080}") String serverUrl) {
		return new OpenAPI()
			.info(new Info().title("Cloud Partner Platform: entitlement-service")
				.version("v1")
				.description("Catalog (products, SKUs, offers), billing accounts, entitlements and operations."))
			.servers(List.of(new Server().url(serverUrl).description("gateway")))
			.components(new Components().addSecuritySchemes("bearerAuth",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

}
