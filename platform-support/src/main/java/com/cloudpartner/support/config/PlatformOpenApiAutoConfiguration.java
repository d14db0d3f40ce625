package com.cloudpartner.support.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the caller's {@link VerifiedToken}, a resolved controller argument, out of the
 * OpenAPI documents (it is the bearer token, already described by the security scheme),
 * and documents free-form values as any JSON value.
 */
@AutoConfiguration
@ConditionalOnClass({ SpringDocUtils.class, JsonNode.class })
public class PlatformOpenApiAutoConfiguration {

	private static final String ANY = "any JSON value";

	PlatformOpenApiAutoConfiguration() {
		SpringDocUtils config = SpringDocUtils.getConfig();
		config.addRequestWrapperToIgnore(VerifiedToken.class);
		// a free-form value (Object, a JSON tree) is any JSON value, not "an object"
		config.replaceWithSchema(Object.class, new Schema<>().description(ANY));
		config.replaceWithSchema(JsonNode.class, new Schema<>().description(ANY));
	}

	/**
	 * Tidies every generated schema: an optional property may be null, a free-form value
	 * accepts any JSON type, and a {@code minLength} of 0 (what {@code @Size(max = n)}
	 * implies) is no constraint at all, so it is left out rather than inviting "shorter
	 * than nothing" fuzz cases.
	 */
	@Bean
	GlobalOpenApiCustomizer platformSchemaTidying() {
		return (openApi) -> {
			Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().values().forEach((schema) -> tidy(schema, seen));
			}
			if (openApi.getPaths() != null) {
				openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
					if (operation.getParameters() != null) {
						operation.getParameters().forEach((parameter) -> tidy(parameter.getSchema(), seen));
					}
					if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
						operation.getRequestBody()
							.getContent()
							.values()
							.forEach((media) -> tidy(media.getSchema(), seen));
					}
				}));
			}
		};
	}

	@SuppressWarnings("rawtypes")
	private static void tidy(Schema<?> schema, Set<Schema<?>> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		if (ANY.equals(schema.getDescription())) {
			schema.setType(null);
			schema.setTypes(null);
		}
		if (Integer.valueOf(0).equals(schema.getMinLength())) {
			schema.setMinLength(null);
		}
		if (schema.getProperties() != null) {
			List<String> required = (schema.getRequired() != null) ? schema.getRequired() : List.of();
			Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
			properties.forEach((name, property) -> {
				tidy(property, seen);
				if (required.contains(name) || ANY.equals(property.getDescription())) {
					return;
				}
				// an optional property the service has no value for is answered as null
				if (property.get$ref() != null) {
					// OpenAPI 3.0 ignores siblings of $ref: say "the referenced shape, or
					// null"
					Schema<?> absent = new Schema<>().type("object").maxProperties(0);
					absent.setNullable(true);
					schema.getProperties()
						.put(name, new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()), absent)));
				}
				else {
					property.setNullable(true);
				}
			});
		}
		tidy(schema.getItems(), seen);
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			tidy(additional, seen);
		}
		for (List<Schema> group : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
			if (group != null) {
				for (Schema member : group) {
					tidy(member, seen);
				}
			}
		}
	}

}
