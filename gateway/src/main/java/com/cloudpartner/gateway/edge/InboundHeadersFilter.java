package com.cloudpartner.gateway.edge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * gateway may set (a caller must never be able to claim an identity by header), gives the
 * request and its response an {@code X-Request-Id}, and puts the security headers on
 * every response. The W3C {@code traceparent} is continued (or started) by Micrometer
 * Tracing and forwarded by the gateway's HTTP client.
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

	/**
	 * On every response unless the service set its own. No restrictive
	 * {@code Content-Security-Policy} beyond framing: Swagger UI and the console's pages
	 * are served through here and set theirs.
	 */
	static final Map<String, String> SECURITY_HEADERS = Map.of("X-Content-Type-Options", "nosniff", "X-Frame-Options",
			"DENY", "Referrer-Policy", "no-referrer", "Strict-Transport-Security",
			"max-age=31536000; includeSubDomains", "Content-Security-Policy", "frame-ancestors 'none'",
			"Cross-Origin-Resource-Policy", "same-site");

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
			SECURITY_HEADERS.forEach((name, value) -> {
				if (!responseHeaders.containsHeader(name)) {
					responseHeaders.set(name, value);
				}
			});
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
