package com.cloudpartner.gateway.config;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The circuit breakers around each service's routes. No time limiter
 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter}): the HTTP
 * client's per-route response timeout already bounds every call (504 UPSTREAM_TIMEOUT),
 * and a time limiter would arm and cancel one more timer per request for nothing. No
 * fallback is configured, so that an open circuit is a 503 SERVICE_UNAVAILABLE rendered
 * by the problem handler.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(
			@Value("${platform.gateway.circuit-breaker.open-for:10s}") Duration openFor) {
		return (factory) -> factory.configureDefault(
				(id) -> new Resilience4JConfigBuilder(id)
					.circuitBreakerConfig(CircuitBreakerConfig.custom()
						.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
						.slidingWindowSize(50)
						.minimumNumberOfCalls(20)
						.failureRateThreshold(50)
						.waitDurationInOpenState(openFor)
						.permittedNumberOfCallsInHalfOpenState(5)
						.build())
					.build());
	}

}
