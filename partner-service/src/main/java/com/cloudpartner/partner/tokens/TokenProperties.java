package com.cloudpartner.partner.tokens;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifetimes of the tokens this service issues.
 *
 * @param accessTokenTtl partner, operator and console-issuer tokens (default 15 minutes)
 * @param consoleTokenTtl console tokens that open an end user's console (default 5
 * minutes)
 */
@ConfigurationProperties("platform.tokens")
public record TokenProperties(Duration accessTokenTtl, Duration consoleTokenTtl) {

	public TokenProperties {
		accessTokenTtl = (accessTokenTtl != null) ? accessTokenTtl : Duration.ofMinutes(15);
		consoleTokenTtl = (consoleTokenTtl != null) ? consoleTokenTtl : Duration.ofMinutes(5);
	}

	/** The longest any token of this service lives: how long a retired key must stay. */
	public Duration maxLifetime() {
		return (this.accessTokenTtl.compareTo(this.consoleTokenTtl) >= 0) ? this.accessTokenTtl : this.consoleTokenTtl;
	}

}
