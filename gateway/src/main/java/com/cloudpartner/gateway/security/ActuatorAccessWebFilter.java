package com.cloudpartner.gateway.security;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.InvalidTokenException;
import com.cloudpartner.support.security.TokenVerifier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's actuator endpoints other than health and info answer only to an
 * operator's bearer token (decision 0057): its metrics carry partner account ids as
 * labels. No token is {@code 401 TOKEN_MISSING}, an invalid one
 * {@code 401 TOKEN_INVALID}, another caller's {@code 403 OPERATOR_ONLY}, as problem+json.
 */
@Component
class ActuatorAccessWebFilter implements WebFilter, Ordered {

	private final TokenVerifier verifier;

	ActuatorAccessWebFilter(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	static boolean guarded(String path) {
		if (!(path.equals("/actuator") || path.startsWith("/actuator/"))) {
			return false;
		}
		return !(path.equals("/actuator/health") || path.startsWith("/actuator/health/")
				|| path.equals("/actuator/info"));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!guarded(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		String bearer = BearerTokenGlobalFilter
			.bearerOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (bearer == null) {
			return Mono.error(ApiProblem.unauthorized("TOKEN_MISSING", "An operator's bearer token is required."));
		}
		return Mono.fromCallable(() -> this.verifier.verify(bearer))
			.subscribeOn(Schedulers.boundedElastic())
			.onErrorMap(InvalidTokenException.class, (ex) -> ApiProblem.unauthorized("TOKEN_INVALID", ex.getMessage()))
			.flatMap((token) -> token.isOperator() ? chain.filter(exchange)
					: Mono.error(ApiProblem.forbidden("OPERATOR_ONLY", "Only an operator may read this endpoint.")));
	}

}
