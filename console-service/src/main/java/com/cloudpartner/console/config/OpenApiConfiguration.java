package com.cloudpartner.console.config;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import com.cloudpartner.console.web.ConsoleUser;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document. The console's pages are HTML for browsers; the document says how
 * they are entered (a form POST of a console token) and which cookie carries the session.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String SESSION_SCHEME = "consoleSession";

	static {
		// resolved from the session cookie, never a parameter of the request
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(ConsoleUser.class);
	}

	@Bean
	OpenAPI consoleOpenApi(@Value("${platform.openapi.server-url:http://localhost:8080}") String serverUrl) {
		return new OpenAPI()
			.info(new Info().title("Cloud Partner Platform: end-user console")
				.version("v1")
				.description("White-label end-user console. A partner's page POSTs user_id and a console token "
						+ "(aud console, scope console, uid = user_id) to /console; the browser then holds the "
						+ "CONSOLE_SESSION cookie."))
			.servers(List.of(new Server().url(serverUrl)))
			.components(new Components()
				.addSecuritySchemes("bearerAuth",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"))
				.addSecuritySchemes(SESSION_SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.COOKIE)
							.name("CONSOLE_SESSION")));
	}

	/**
	 * Added after springdoc has generated its schemas, which would replace it otherwise.
	 */
	@Bean
	OpenApiCustomizer problemSchemaCustomizer() {
		return (openApi) -> openApi.getComponents().addSchemas("Problem", problemSchema());
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> problemSchema() {
		Schema fieldError = new ObjectSchema()
			.properties(Map.of("field", new StringSchema(), "message", new StringSchema()));
		return new ObjectSchema().description("RFC 9457 problem with a stable code")
			.properties(Map.of("type", new StringSchema(), "title", new StringSchema(), "status", new IntegerSchema(),
					"detail", new StringSchema(), "code", new StringSchema().example("TOKEN_INVALID"), "errors",
					new ArraySchema().items(fieldError)));
	}

}
