package com.cloudpartner.gateway.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceCircuitBreakerGatewayFilterFactoryTests {

	private final ServiceCircuitBreakerGatewayFilterFactory factory = new ServiceCircuitBreakerGatewayFilterFactory(
			new SimpleMeterRegistry(), Duration.ofMinutes(1));

	@Test
	void routesOfOneServiceShareItsBreakerWhichOpensOnFailuresAndAnswersWithoutCalling() {
		GatewayFilter first = filterOf("partner-service");
		GatewayFilter second = filterOf("partner-service");
		GatewayFilter other = filterOf("billing-service");
		assertThat(((Ordered) first).getOrder()).isGreaterThan(ReadRetryGlobalFilter.ORDER);
		AtomicInteger calls = new AtomicInteger();
		// like the gateway's chain, which defers the rest of the filters to the
		// subscription
		GatewayFilterChain refused = (exchange) -> Mono.defer(() -> {
			calls.incrementAndGet();
			return Mono.error(new ConnectException("refused"));
		});
		for (int i = 0; i < 20; i++) {
			GatewayFilter filter = (i % 2 == 0) ? first : second;
			assertThatThrownBy(() -> filter.filter(exchange(), refused).block(Duration.ofSeconds(5)))
				.hasCauseInstanceOf(ConnectException.class);
		}
		assertThat(calls).hasValue(20);
		assertThatThrownBy(() -> second.filter(exchange(), refused).block(Duration.ofSeconds(5)))
			.isInstanceOf(CallNotPermittedException.class);
		assertThat(calls).hasValue(20);
		// another service's breaker is closed
		GatewayFilterChain ok = (exchange) -> Mono.defer(() -> {
			calls.incrementAndGet();
			return Mono.empty();
		});
		other.filter(exchange(), ok).block(Duration.ofSeconds(5));
		assertThat(calls).hasValue(21);
	}

	@Test
	void countsSuccessesAndGivesBackThePermitOfACancelledCall() {
		GatewayFilter filter = filterOf("console-service");
		filter.filter(exchange(), (exchange) -> Mono.empty()).block(Duration.ofSeconds(5));
		filter.filter(exchange(), (exchange) -> Mono.never()).subscribe().dispose();
		var metrics = this.factory.circuitBreaker("console-service").getMetrics();
		assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(1);
		assertThat(metrics.getNumberOfFailedCalls()).isZero();
	}

	private GatewayFilter filterOf(String service) {
		ServiceCircuitBreakerGatewayFilterFactory.Config config = new ServiceCircuitBreakerGatewayFilterFactory.Config();
		config.setName(service);
		return this.factory.apply(config);
	}

	private static MockServerWebExchange exchange() {
		return MockServerWebExchange.from(MockServerHttpRequest.get("/v1/x").build());
	}

}
