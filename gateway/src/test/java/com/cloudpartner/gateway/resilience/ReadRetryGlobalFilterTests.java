package com.cloudpartner.gateway.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadRetryGlobalFilterTests {

	private final ReadRetryGlobalFilter filter = new ReadRetryGlobalFilter();

	@Test
	void retriesReadsRefusedTwiceThenGivesUp() {
		AtomicInteger calls = new AtomicInteger();
		GatewayFilterChain refused = (exchange) -> {
			calls.incrementAndGet();
			return Mono.error(new ConnectException("refused"));
		};
		assertThatThrownBy(() -> this.filter.filter(exchange(MockServerHttpRequest.get("/v1/x")), refused)
			.block(Duration.ofSeconds(5))).hasCauseInstanceOf(ConnectException.class);
		assertThat(calls).hasValue(1 + ReadRetryGlobalFilter.RETRIES);
	}

	@Test
	void retriesReadsOn503UntilAnAnswerComes() {
		AtomicInteger calls = new AtomicInteger();
		GatewayFilterChain flaky = (exchange) -> {
			exchange.getResponse()
				.setStatusCode((calls.incrementAndGet() == 1) ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
			return Mono.empty();
		};
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.head("/v1/x"));
		this.filter.filter(exchange, flaky).block(Duration.ofSeconds(5));
		assertThat(calls).hasValue(2);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void passesTheLast503OnWhenRetriesAreSpent() {
		AtomicInteger calls = new AtomicInteger();
		GatewayFilterChain down = (exchange) -> {
			calls.incrementAndGet();
			exchange.getResponse().setStatusCode(HttpStatus.BAD_GATEWAY);
			return Mono.empty();
		};
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/v1/x"));
		this.filter.filter(exchange, down).block(Duration.ofSeconds(5));
		assertThat(calls).hasValue(1 + ReadRetryGlobalFilter.RETRIES);
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
	}

	@Test
	void neverRetriesWritesNorOtherFailuresNorOtherStatuses() {
		AtomicInteger calls = new AtomicInteger();
		GatewayFilterChain cut = (exchange) -> {
			calls.incrementAndGet();
			return Mono.error(PrematureCloseException.TEST_EXCEPTION);
		};
		assertThatThrownBy(() -> this.filter.filter(exchange(MockServerHttpRequest.post("/v1/x")), cut)
			.block(Duration.ofSeconds(5))).hasCause(PrematureCloseException.TEST_EXCEPTION);
		assertThat(calls).hasValue(1);

		calls.set(0);
		GatewayFilterChain failing = (exchange) -> {
			calls.incrementAndGet();
			return Mono.error(new IllegalStateException("timeout or bug"));
		};
		assertThatThrownBy(() -> this.filter.filter(exchange(MockServerHttpRequest.get("/v1/x")), failing)
			.block(Duration.ofSeconds(5))).isInstanceOf(IllegalStateException.class);
		assertThat(calls).hasValue(1);

		calls.set(0);
		GatewayFilterChain error500 = (exchange) -> {
			calls.incrementAndGet();
			exchange.getResponse().setStatusCode(HttpStatus.INTERNAL_SERVER_ERROR);
			return Mono.empty();
		};
		this.filter.filter(exchange(MockServerHttpRequest.get("/v1/x")), error500).block(Duration.ofSeconds(5));
		assertThat(calls).hasValue(1);
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request.build());
	}

}
