package com.cloudpartner.gateway.limits;

import java.net.InetSocketAddress;
import java.util.regex.Pattern;

import com.cloudpartner.gateway.config.GatewayProperties;
import com.cloudpartner.gateway.security.Identity;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.VerifiedToken;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate limits every {@code /v1} call: a verified call takes a token from its partner
 * account's bucket (sized by the account's plan) and from its client's ({@code sub}); a
 * call without a token (the token endpoint, sign-up, login) takes one from the stricter
 * bucket of its caller's IP address. Answers carry the IETF draft
 * {@code RateLimit-Limit/-Remaining/-Reset} fields of the tighter bucket; a refusal is
 * {@code 429 RATE_LIMITED} with {@code Retry-After}.
 */
@Component
class RateLimitGlobalFilter implements GlobalFilter, Ordered {

	/** Right after the bearer check, which tells whose buckets to use. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 600;

	private final GatewayProperties.RateLimits limits;

	private final RateLimiter limiter = new RateLimiter(System::nanoTime);

	private final Pattern trustedProxies;

	RateLimitGlobalFilter(GatewayProperties properties,
			@Value("${spring.cloud.gateway.server.webflux.trusted-proxies:127\\.0\\.0\\.1}") String trustedProxies) {
		this.limits = properties.rateLimits();
		this.trustedProxies = Pattern.compile(trustedProxies);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!this.limits.enabled() || !(path.equals("/v1") || path.startsWith("/v1/"))) {
			return chain.filter(exchange);
		}
		VerifiedToken token = Identity.of(exchange);
		TokenBucket.Decision decision;
		if (token == null) {
			decision = this.limiter.take("ip:" + clientAddress(exchange.getRequest()), this.limits.tokenEndpoint());
		}
		else {
			decision = this.limiter.take("client:" + token.subject(), this.limits.client());
			if (token.accountId() != null) {
				decision = this.limiter.take("acct:" + token.accountId(), this.limits.planOf(token.accountId()))
					.tighter(decision);
			}
		}
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set("RateLimit-Limit", Long.toString(decision.limit()));
		headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
		headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
		if (!decision.allowed()) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
			return Mono.error(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
					"Too many requests. Retry after " + decision.retryAfterSeconds() + " s."));
		}
		return chain.filter(exchange);
	}

	/**
	 * The caller's address: the peer, or, when the peer is a trusted proxy, the last
	 * address it put into {@code X-Forwarded-For}.
	 */
	String clientAddress(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		String peer = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
				: "unknown";
		String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank() && this.trustedProxies.matcher(peer).matches()) {
			String[] hops = forwarded.split(",");
			String last = hops[hops.length - 1].trim();
			if (!last.isEmpty()) {
				return last;
			}
		}
		return peer;
	}

}
