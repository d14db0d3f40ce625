package com.cloudpartner.gateway.edge;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs first for every request, routed or not: gives the request and its response an
 * {@code X-Request-Id} and puts the security headers on every response. What is forwarded
 * to a service (identity headers only the gateway may set dropped, the request id, the
 * verified identity, the trace context) is decided once, when the proxied request is
 * built, by {@link ForwardedHeadersFilter}: the inbound request itself is not copied.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InboundHeadersFilter implements WebFilter {

	public static final String REQUEST_ID = "X-Request-Id";

	/** Exchange attribute holding the request id, for the error handler. */
	public static final String REQUEST_ID_ATTRIBUTE = InboundHeadersFilter.class.getName() + ".requestId";

	private static final String VERIFIED_PREFIX = "x-verified-";

	private static final List<String> IDENTITY_HEADERS = List.of("x-account-id", "x-subject", "x-scopes",
			"x-forwarded-user");

	/**
	 * On every response unless the service set its own. No restrictive
	 * {@code Content-Security-Policy} beyond framing: Swagger UI and the console's pages
	 * are served through here and set theirs.
	 */
	public static final Map<String, String> SECURITY_HEADERS = Map.of("X-Content-Type-Options", "nosniff",
			"X-Frame-Options", "DENY", "Referrer-Policy", "no-referrer", "Strict-Transport-Security",
			"max-age=31536000; includeSubDomains", "Content-Security-Policy", "frame-ancestors 'none'",
			"Cross-Origin-Resource-Policy", "same-site");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String requestId = requestIdOf(exchange.getRequest().getHeaders().getFirst(REQUEST_ID));
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
		return chain.filter(exchange);
	}

	/** The request id of the exchange (set by this filter). */
	public static String requestIdOf(ServerWebExchange exchange) {
		return exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
	}

	/**
	 * The caller's id when it is sane (1-128 of {@code A-Za-z0-9._:-}), else a new random
	 * UUID. Request ids correlate log lines; they are not secrets, so the thread's own
	 * random source is enough (no lock on a shared SecureRandom per request).
	 */
	static String requestIdOf(String offered) {
		return isSane(offered) ? offered : newRequestId();
	}

	private static boolean isSane(String id) {
		if (id == null || id.isEmpty() || id.length() > 128) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private static String newRequestId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		// a version 4 (random) UUID, IETF variant
		long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
		long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(msb, lsb).toString();
	}

	static boolean isIdentityHeader(String name) {
		// no lower-cased copy of every header name of every request
		if (name.regionMatches(true, 0, VERIFIED_PREFIX, 0, VERIFIED_PREFIX.length())) {
			return true;
		}
		for (String identity : IDENTITY_HEADERS) {
			if (identity.equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

}
