package com.cloudpartner.gateway.security;

import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.server.ServerWebExchange;

/**
 * The verified token of a request, for the filters after the bearer check (rate limits,
 * access log, metrics).
 */
public final class Identity {

	static final String ATTRIBUTE = Identity.class.getName();

	private Identity() {
	}

	/** The verified token, or {@code null} on a path reached without a token. */
	public static VerifiedToken of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
