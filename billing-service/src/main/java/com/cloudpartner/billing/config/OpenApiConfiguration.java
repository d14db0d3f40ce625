package com.cloudpartner.billing.config;

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
 * The OpenAPI document: bearer JWT everywhere, the gateway as the only server, and the
 * problem+json schema behind every 4xx and 5xx.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM_REF = "#/components/schemas/Problem";

	@Bean
	OpenAPI billingOpenApi(@Value("${platform.openapi.server-url:http://localhost:8080}") String serverUrl) {
		return new OpenAPI()
			.info(new Info().title("Cloud Partner Platform: billing-service")
				.version("v1")
				.description("Usage ingestion, month-to-date charges, billing runs and invoices."))
			.servers(List.of(new Server().url(serverUrl).description("the gateway")))
			.components(new Components()
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas("Problem", problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			var responses = operation.getResponses();
			Map.of("400", "Invalid request", "401", "Missing or invalid bearer token", "403", "Not allowed", "500",
					"Unexpected error (a bug)")
				.forEach((status, description) -> {
					if (!responses.containsKey(status)) {
						responses.addApiResponse(status, problem(description));
					}
				});
			if (operation.getParameters() != null
					&& operation.getParameters().stream().anyMatch((p) -> "accountId".equals(p.getName()))
					&& !responses.containsKey("404")) {
				responses.addApiResponse("404", problem("Unknown account (ACCOUNT_NOT_FOUND)"));
			}
		}));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json",
					new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema())
			.addProperty("message", new StringSchema());
		return new ObjectSchema().description("RFC 9457 problem details with a stable code")
			.addProperty("type", new StringSchema().format("uri"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("code", new StringSchema().example("VALIDATION_FAILED"))
			.addProperty("errors", new ArraySchema().items(fieldError));
	}

}
