package com.cloudpartner.entitlement.config;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: bearer JWT everywhere, the gateway as the server, and the
 * problem+json schema for every error answer.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM_REF = "#/components/schemas/Problem";

	@Bean
	OpenAPI entitlementServiceOpenApi(@Value("${platform.openapi.server-url:http://localhost:8080}") String serverUrl) {
		return new OpenAPI()
			.info(new Info().title("Cloud Partner Platform: entitlement-service")
				.version("v1")
				.description("Catalog (products, SKUs, offers), billing accounts, entitlements and operations."))
			.servers(List.of(new Server().url(serverUrl).description("gateway")))
			.components(new Components()
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas("Problem", problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			operation.getResponses().addApiResponse("4XX", problem("The request was refused (see code)."));
			operation.getResponses().addApiResponse("5XX", problem("The service failed or is unavailable."));
		}));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> fieldError = new ObjectSchema()
			.properties(Map.of("field", new StringSchema().example("parameters[0].value"), "message",
					new StringSchema().example("maxUnits must be an integer of at least 1")));
		return new ObjectSchema().description("RFC 9457 problem details with a stable code")
			.addProperty("type", new StringSchema().example("https://docs.cloudpartner.dev/problems/offer-not-found"))
			.addProperty("title", new StringSchema().example("Not Found"))
			.addProperty("status", new IntegerSchema().example(404))
			.addProperty("detail", new StringSchema().example("There is no offer offers/x."))
			.addProperty("code", new StringSchema().example("OFFER_NOT_FOUND"))
			.addProperty("errors", new ArraySchema().items(fieldError));
	}

}
