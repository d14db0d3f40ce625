package com.cloudpartner.gateway.security;

import java.util.ArrayList;
import java.util.List;

import com.cloudpartner.gateway.partners.SuspendedAccounts;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.InvalidTokenException;
import com.cloudpartner.support.security.SecurityProperties;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedToken;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Verifies the bearer token of every routed {@code /v1} request, applies the
 * {@link AccessPolicy} and leaves the verified identity on the exchange
 * ({@link Identity}), from which the proxied request gets its {@code X-Verified-*}
 * headers (the inbound ones are dropped; the services verify the token again and treat
 * these headers as a hint only).
 */
@Component
class BearerTokenGlobalFilter implements GlobalFilter, Ordered {

	/**
	 * Before every route filter (circuit breaker, path rewrites) and the routing itself.
	 */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 500;

	private final TokenVerifier verifier;

	private final PublicPaths publicPaths;

	private final AccessPolicy policy = new AccessPolicy();

	private final SuspendedAccounts suspended;

	BearerTokenGlobalFilter(TokenVerifier verifier, SecurityProperties properties, SuspendedAccounts suspended) {
		this.verifier = verifier;
		this.publicPaths = new PublicPaths(properties.publicPaths());
		this.suspended = suspended;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		PathContainer path = request.getPath().pathWithinApplication();
		String value = path.value();
		if (!(value.equals("/v1") || value.startsWith("/v1/"))) {
			return chain.filter(exchange);
		}
		List<String> segments = segmentsOf(path);
		HttpMethod method = request.getMethod();
		if (this.publicPaths.matches(method, path)) {
			return chain.filter(exchange);
		}
		String bearer = bearerOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (bearer == null) {
			return Mono.error(ApiProblem.unauthorized("TOKEN_MISSING", "A bearer token is required."));
		}
		VerifiedToken cached = this.verifier.remembered(bearer);
		if (cached != null) {
			return admit(exchange, chain, method, segments, cached);
		}
		// A cache miss verifies on the bounded elastic pool: RS256 itself is CPU-only
		// (~40 us), but an unknown kid or an aged key set makes the key source fetch the
		// JWKS synchronously (at most once per interval, under a lock), which must not
		// stall an event loop. Hits (the common case for a busy client) stay on the loop.
		return Mono.fromCallable(() -> this.verifier.verify(bearer))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(InvalidTokenException.class, (ex) -> ApiProblem.unauthorized("TOKEN_INVALID", ex.getMessage()))
			.flatMap((token) -> admit(exchange, chain, method, segments, token));
	}

	private Mono<Void> admit(ServerWebExchange exchange, GatewayFilterChain chain, HttpMethod method,
			List<String> segments, VerifiedToken token) {
		// checked on every call, cached token or not: a suspension takes effect at once
		if (!token.isOperator() && this.suspended.isSuspended(token.accountId())) {
			return Mono.error(ApiProblem.forbidden("PARTNER_SUSPENDED",
					"The partner account " + token.accountId() + " is suspended."));
		}
		this.policy.check(method, segments, token);
		exchange.getAttributes().put(Identity.ATTRIBUTE, token);
		return chain.filter(exchange);
	}

	static String bearerOf(String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).trim();
		return token.isEmpty() ? null : token;
	}

	/**
	 * The decoded segments of a {@code /v1} path. Dot segments, encoded separators,
	 * matrix parameters and empty segments are refused: the services behind us normalise
	 * such paths, so {@code /customers/mine/servers/../../theirs} would pass our rules as
	 * one path and reach them as another.
	 */
	static List<String> segmentsOf(PathContainer path) {
		List<String> segments = new ArrayList<>();
		List<PathContainer.Element> elements = path.elements();
		for (int i = 0; i < elements.size(); i++) {
			PathContainer.Element element = elements.get(i);
			if (element instanceof PathContainer.PathSegment segment) {
				String decoded = segment.valueToMatch();
				if (decoded.equals(".") || decoded.equals("..") || !segment.parameters().isEmpty()
						|| segment.value().indexOf(';') >= 0 || hasForbiddenChar(decoded)) {
					throw invalidPath();
				}
				segments.add(decoded);
			}
			else if (i > 0 && elements.get(i - 1) instanceof PathContainer.Separator) {
				// two separators in a row: an empty segment
				throw invalidPath();
			}
		}
		return segments;
	}

	private static boolean hasForbiddenChar(String segment) {
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '/' || c == '\\' || c < 0x20) {
				return true;
			}
		}
		return false;
	}

	private static ApiProblem invalidPath() {
		return ApiProblem.badRequest("INVALID_PATH", "The request path is not in canonical form.");
	}

}
