package com.cloudpartner.gateway.config;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for the partners' console origins ({@code platform.gateway.cors.allowed-origins},
 * none by default): answered here, before the token check, so that a browser's preflight
 * (which carries no token) gets its answer. Spring Cloud Gateway's header filters the
 * gateway does not need are dropped ({@link UnusedHeadersFilters}), and routes are looked
 * up without a reactor pipeline per request ({@link RouteLookup}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class EdgeConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	CorsWebFilter corsWebFilter(GatewayProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.cors().allowedOrigins());
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
				"traceparent", "tracestate"));
		cors.setExposedHeaders(List.of("X-Request-Id", "Location", "Retry-After", "RateLimit-Limit",
				"RateLimit-Remaining", "RateLimit-Reset"));
		cors.setAllowCredentials(false);
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/v1/**", cors);
		return new CorsWebFilter(source);
	}

	@Bean
	static UnusedHeadersFilters unusedHeadersFilters() {
		return new UnusedHeadersFilters();
	}

	/** Replaces Spring Cloud Gateway's own (conditional on a missing bean). */
	@Bean
	RoutePredicateHandlerMapping routePredicateHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
			GlobalCorsProperties corsProperties, Environment environment,
			ObjectProvider<ApiVersionStrategy> apiVersionStrategy) {
		RouteLookup mapping = new RouteLookup(webHandler, routeLocator, corsProperties, environment);
		apiVersionStrategy.ifAvailable(mapping::setApiVersionStrategy);
		return mapping;
	}

}
