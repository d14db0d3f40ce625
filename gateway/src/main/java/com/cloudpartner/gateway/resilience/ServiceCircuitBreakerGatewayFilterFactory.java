package com.cloudpartner.gateway.resilience;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ServiceCircuitBreaker=<service>} on a route: the calls of all routes naming the
 * same service share one resilience4j circuit breaker (count-based window of 50 calls,
 * opens at 50 % failures once 20 were seen, stays open {@code
 * platform.gateway.circuit-breaker.open-for}, then lets 5 trial calls through). While it
 * is open a call fails at once with resilience4j's {@code CallNotPermittedException},
 * which the problem handler answers with {@code 503 SERVICE_UNAVAILABLE}; failures are
 * the call's errors (refused or cut connections, the route's response timeout, a 504
 * {@code UPSTREAM_TIMEOUT}), not the service's own answers.
 * <p>
 * The breaker and its reactor operator are found once, when the route is built: a call
 * costs one operator (the breaker's permission, outcome and duration), no lookup by name,
 * no fallback, no time limiter (the route's response timeout bounds every call). Spring
 * Cloud Gateway's {@code CircuitBreaker} filter looked the breaker up in the registry on
 * every call and wrapped it in the Spring Cloud abstraction's own operators.
 */
@Component
class ServiceCircuitBreakerGatewayFilterFactory
		extends AbstractGatewayFilterFactory<ServiceCircuitBreakerGatewayFilterFactory.Config> {

	/**
	 * Inside the read retry ({@link ReadRetryGlobalFilter#ORDER}): each attempt counts.
	 */
	static final int ORDER = ReadRetryGlobalFilter.ORDER + 1;

	private final CircuitBreakerRegistry registry;

	ServiceCircuitBreakerGatewayFilterFactory(MeterRegistry meters,
			@Value("${platform.gateway.circuit-breaker.open-for:10s}") Duration openFor) {
		super(Config.class);
		this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.slidingWindowSize(50)
			.minimumNumberOfCalls(20)
			.failureRateThreshold(50)
			.waitDurationInOpenState(openFor)
			.permittedNumberOfCallsInHalfOpenState(5)
			.build());
		// resilience4j_circuitbreaker_* at /actuator/prometheus, per breaker
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(this.registry).bindTo(meters);
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of(NAME_KEY);
	}

	@Override
	public GatewayFilter apply(Config config) {
		CircuitBreaker breaker = circuitBreaker(config.getName());
		UnaryOperator<Publisher<Void>> operator = CircuitBreakerOperator.of(breaker);
		return new OrderedGatewayFilter((exchange, chain) -> chain.filter(exchange).transform(operator), ORDER);
	}

	/** The breaker of a service (created on first use). */
	CircuitBreaker circuitBreaker(String service) {
		return this.registry.circuitBreaker(service);
	}

	public static class Config {

		private String name;

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

	}

}
