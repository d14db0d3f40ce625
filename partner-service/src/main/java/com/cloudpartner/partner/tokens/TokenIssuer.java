package com.cloudpartner.partner.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.UUID;
import java.util.function.Supplier;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

import com.cloudpartner.partner.keys.ActiveKey;

/**
 * Signs the platform's tokens with the active key (RS256, {@code kid} in the header):
 * access tokens for API clients ({@code aud partner-api}) and console tokens that open an
 * end user's console ({@code aud console}).
 */
public class TokenIssuer {

	public static final String PARTNER_API = "partner-api";

	public static final String CONSOLE = "console";

	private final Supplier<ActiveKey> signingKey;

	private final String issuer;

	private final TokenProperties lifetimes;

	private final Clock clock;

	public TokenIssuer(Supplier<ActiveKey> signingKey, String issuer, TokenProperties lifetimes, Clock clock) {
		this.signingKey = signingKey;
		this.issuer = issuer;
		this.lifetimes = lifetimes;
		this.clock = clock;
	}

	/**
	 * An access token for an API client.
	 * @param clientId the client ({@code sub})
	 * @param accountId its partner account ({@code acct}), {@code null} for platform
	 * clients
	 * @param scopes the granted scopes
	 */
	public IssuedToken accessToken(String clientId, String accountId, Collection<String> scopes) {
		String scope = String.join(" ", scopes);
		Duration lifetime = this.lifetimes.accessTokenTtl();
		JwtBuilder builder = builder(clientId, PARTNER_API, scope, lifetime);
		if (accountId != null) {
			builder.claim("acct", accountId);
		}
		return new IssuedToken(builder.compact(), lifetime, scope);
	}

	/**
	 * A console token that opens one end user's console.
	 * @param accountId the partner account ({@code acct})
	 * @param customerId the customer ({@code sub} and {@code cust})
	 * @param userId the customer's user id ({@code uid})
	 */
	public IssuedToken consoleToken(String accountId, String customerId, String userId) {
		Duration lifetime = this.lifetimes.consoleTokenTtl();
		String token = builder(customerId, CONSOLE, CONSOLE, lifetime).claim("acct", accountId)
			.claim("cust", customerId)
			.claim("uid", userId)
			.compact();
		return new IssuedToken(token, lifetime, CONSOLE);
	}

	private JwtBuilder builder(String subject, String audience, String scope, Duration lifetime) {
		ActiveKey key = this.signingKey.get();
		Instant now = this.clock.instant();
		return Jwts.builder()
			.header()
			.keyId(key.kid())
			.and()
			.issuer(this.issuer)
			.subject(subject)
			.audience()
			.add(audience)
			.and()
			.claim("scope", scope)
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(now))
			.notBefore(Date.from(now))
			.expiration(Date.from(now.plus(lifetime)))
			.signWith(key.privateKey(), Jwts.SIG.RS256);
	}

}
