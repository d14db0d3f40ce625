package com.cloudpartner.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs first for every request, routed or not: drops identity headers that only the
 * gateway may set (a caller must never be able to claim an identity by header), and gives
 * the request and its response an {@code X-Request-Id}. The W3C {@code traceparent}
 * passes through untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InboundHeadersFilter implements WebFilter {

	public static final String REQUEST_ID = "X-Request-Id";

	/** Exchange attribute holding the request id, for the error handler. */
	public static final String REQUEST_ID_ATTRIBUTE = InboundHeadersFilter.class.getName() + ".requestId";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final String VERIFIED_PREFIX = "x-verified-";

	private static final List<String> IDENTITY_HEADERS = List.of("x-account-id", "x-subject", "x-scopes",
			"x-forwarded-user");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String requestId = requestIdOf(request.getHeaders().getFirst(REQUEST_ID));
		exchange.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
		HttpHeaders responseHeaders = exchange.getResponse().getHeaders();
		responseHeaders.set(REQUEST_ID, requestId);
		// a proxied response brings its own headers; ours wins
		exchange.getResponse().beforeCommit(() -> {
			responseHeaders.set(REQUEST_ID, requestId);
			return Mono.empty();
		});
		ServerHttpRequest cleaned = request.mutate().headers((headers) -> {
			List<String> spoofable = headers.headerNames()
				.stream()
				.filter(InboundHeadersFilter::isIdentityHeader)
				.toList();
			spoofable.forEach(headers::remove);
			headers.set(REQUEST_ID, requestId);
		}).build();
		return chain.filter(exchange.mutate().request(cleaned).build());
	}

	static String requestIdOf(String offered) {
		return (offered != null && SANE_ID.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

	static boolean isIdentityHeader(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith(VERIFIED_PREFIX) || IDENTITY_HEADERS.contains(lower);
	}

}
