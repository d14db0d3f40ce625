package com.cloudpartner.partner.config;

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
 * The OpenAPI document: served through the gateway, bearer JWT everywhere unless an
 * operation says otherwise, and the platform's problem+json for every 4xx and 5xx.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	private static final String PROBLEM = "Problem";

	@Bean
	OpenAPI partnerServiceOpenApi(@Value("${platform.openapi.server-url:http://localhost:8080}") String serverUrl) {
		return new OpenAPI()
			.info(new Info().title("Partner service API")
				.version("v1")
				.description("Tokens and signing keys, partner accounts, API credentials and customers."))
			.servers(List.of(new Server().url(serverUrl).description("gateway")))
			.components(new Components()
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSchemas(PROBLEM, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList("bearerAuth"));
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			// springdoc rebuilds the schemas from the controllers: add the problem again
			// here
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				operation.getResponses().putIfAbsent("4XX", problemResponse("The request was refused."));
				operation.getResponses().putIfAbsent("5XX", problemResponse("An unexpected failure (a bug)."));
			}));
		};
	}

	private static ApiResponse problemResponse(String description) {
		Schema<?> ref = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref)));
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		ObjectSchema fieldError = new ObjectSchema();
		fieldError.properties(Map.of("field", new StringSchema().example("userId"), "message",
				new StringSchema().example("is reserved")));
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details with a stable code.");
		Map<String, Schema> properties = new java.util.LinkedHashMap<>();
		properties.put("type", new StringSchema().example("https://docs.cloudpartner.dev/problems/customer-exists"));
		properties.put("title", new StringSchema().example("Conflict"));
		properties.put("status", new IntegerSchema().example(409));
		properties.put("detail", new StringSchema().example("A customer with userId 'alice01' exists already."));
		properties.put("code", new StringSchema().example("CUSTOMER_EXISTS"));
		properties.put("errors", new ArraySchema().items(fieldError));
		problem.setProperties(properties);
		problem.setRequired(List.of("type", "title", "status", "code"));
		return problem;
	}

}
