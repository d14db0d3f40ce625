package com.cloudpartner.gateway.edge;

import com.cloudpartner.gateway.security.Identity;
import com.cloudpartner.support.security.VerifiedToken;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives, decided once while the gateway builds the proxied
 * request (after Spring Cloud Gateway's own hop-by-hop and forwarding filters):
 * <ul>
 * <li>identity headers only the gateway may set ({@code X-Verified-*},
 * {@code X-Account-Id}, {@code X-Subject}, {@code X-Scopes}, {@code X-Forwarded-User})
 * are dropped whatever the caller sent;</li>
 * <li>the verified identity is added as {@code X-Verified-Subject/-Account/-Customer/
 * -Scopes} (the services verify the token again and treat these as a hint);</li>
 * <li>a caller's {@code Forwarded} header is dropped (the origin goes in
 * {@code X-Forwarded-*}, added by Spring Cloud Gateway for trusted proxies only);</li>
 * <li>{@code X-Request-Id} is the gateway's request id;</li>
 * <li>{@code traceparent} names the gateway's server span as the parent (same trace id as
 * the caller's, or a new trace). The server observation is the only one per request: the
 * gateway's HTTP client observation is switched off
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled=false}), its span
 * would only repeat the server's.</li>
 * </ul>
 * Doing this here instead of mutating the inbound request in web filters saves copying
 * every request's headers twice.
 */
@Component
class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

	/**
	 * Not forwarded whatever the caller sent: the gateway passes the origin in
	 * {@code X-Forwarded-*} (from trusted proxies only), and a service that reads
	 * {@code Forwarded} first must not take a caller's word for it.
	 */
	static final String FORWARDED = "Forwarded";

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders headers = new HttpHeaders();
		input.forEach((name, values) -> {
			if (!InboundHeadersFilter.isIdentityHeader(name) && !FORWARDED.equalsIgnoreCase(name)) {
				headers.put(name, values);
			}
		});
		String requestId = InboundHeadersFilter.requestIdOf(exchange);
		if (requestId != null) {
			headers.set(InboundHeadersFilter.REQUEST_ID, requestId);
		}
		VerifiedToken token = Identity.of(exchange);
		if (token != null) {
			setIfPresent(headers, "X-Verified-Subject", token.subject());
			setIfPresent(headers, "X-Verified-Account", token.accountId());
			setIfPresent(headers, "X-Verified-Customer", token.customerId());
			headers.set("X-Verified-Scopes", String.join(" ", token.scopes()));
		}
		String traceparent = traceparentOf(exchange);
		if (traceparent != null) {
			headers.set("traceparent", traceparent);
		}
		return headers;
	}

	/**
	 * The W3C {@code traceparent} of the request's server span, or {@code null} without
	 * one (tracing off).
	 */
	static String traceparentOf(ServerWebExchange exchange) {
		TraceContext context = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((observation) -> (TracingObservationHandler.TracingContext) observation
				.get(TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map((span) -> span.context())
			.orElse(null);
		if (context == null || context.traceId().length() != 32 || context.spanId().length() != 16) {
			return null;
		}
		boolean sampled = Boolean.TRUE.equals(context.sampled());
		return "00-" + context.traceId() + "-" + context.spanId() + (sampled ? "-01" : "-00");
	}

	private static void setIfPresent(HttpHeaders headers, String name, String value) {
		if (value != null && !value.isBlank()) {
			headers.set(name, value);
		}
	}

}
