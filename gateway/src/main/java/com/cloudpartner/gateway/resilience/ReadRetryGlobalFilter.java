package com.cloudpartner.gateway.resilience;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Retries idempotent reads only: a {@code GET} or {@code HEAD} whose connection was
 * refused or closed before the answer, or that met a {@code 502}/{@code 503}, is tried
 * {@value #RETRIES} more times after {@code 20 ms}, then {@code 40 ms}. Never a write,
 * never a timeout (the caller's budget is the route's response timeout, not a multiple of
 * it), and never a 503 that says when to come back ({@code Retry-After}: a service whose
 * database is away answers so after waiting for a connection; trying again 20 ms later
 * would only triple the caller's wait).
 * <p>
 * It replaces Spring Cloud Gateway's {@code Retry} default filter, which put a
 * {@code retryWhen}/{@code repeatWhen} chain (with a retry spec and a repeat companion
 * built per request) around every call whatever its method, and made the gateway cache
 * the request body of every route so that a retry could send it again. Here a write goes
 * straight down the chain; a read gets one object and two plain operators (a check of the
 * status when the call ends, a resume on failure), and only a retry builds more.
 * <p>
 * Ordered after the response writer ({@code NettyWriteResponseFilter}, -1), so that a
 * retried 503 is not written, and before the circuit breaker
 * ({@link ServiceCircuitBreakerGatewayFilterFactory#ORDER}), so that each attempt counts
 * for it.
 */
@Component
class ReadRetryGlobalFilter implements GlobalFilter, Ordered {

	static final int ORDER = 1;

	static final int RETRIES = 2;

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(20);

	/**
	 * Signals, from the end of an attempt to the resume, that its status asks for another
	 * one; never leaves this filter.
	 */
	private static final RuntimeException RETRYABLE_STATUS = new RuntimeException("retryable status", null, false,
			false) {
	};

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		HttpMethod method = exchange.getRequest().getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
			return chain.filter(exchange);
		}
		return new Attempt(exchange, chain, 0).run();
	}

	static boolean isRetryableStatus(HttpStatusCode status) {
		return status != null && (status.value() == 502 || status.value() == 503);
	}

	static boolean isRetryableFailure(Throwable failure) {
		return isRetryableType(failure) || isRetryableType(failure.getCause());
	}

	private static boolean isRetryableType(Throwable failure) {
		return failure instanceof java.net.ConnectException || failure instanceof PrematureCloseException;
	}

	/** The n-th (0-based) retry waits 20 ms, 40 ms, ... */
	static Duration backoff(int retry) {
		return FIRST_BACKOFF.multipliedBy(1L << retry);
	}

	/** One try of a read: decides at its end whether another one follows. */
	private static final class Attempt implements Consumer<Void>, Function<Throwable, Mono<Void>> {

		private final ServerWebExchange exchange;

		private final GatewayFilterChain chain;

		private final int number;

		Attempt(ServerWebExchange exchange, GatewayFilterChain chain, int number) {
			this.exchange = exchange;
			this.chain = chain;
			this.number = number;
		}

		Mono<Void> run() {
			return this.chain.filter(this.exchange).doOnSuccess(this).onErrorResume(this);
		}

		/**
		 * The call ended with a response: a 502/503 becomes a retry while any is left.
		 */
		@Override
		public void accept(Void ignored) {
			if (this.number < RETRIES && isRetryableStatus(this.exchange.getResponse().getStatusCode())
					&& !this.exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
				throw RETRYABLE_STATUS;
			}
		}

		@Override
		public Mono<Void> apply(Throwable failure) {
			boolean statusRetry = failure == RETRYABLE_STATUS || failure.getCause() == RETRYABLE_STATUS;
			if (!statusRetry && !(this.number < RETRIES && isRetryableFailure(failure))) {
				return Mono.error(failure);
			}
			return Mono.delay(backoff(this.number)).then(Mono.defer(() -> {
				// forget the previous attempt's response headers and routed mark
				ServerWebExchangeUtils.reset(this.exchange);
				return new Attempt(this.exchange, this.chain, this.number + 1).run();
			}));
		}

	}

}
