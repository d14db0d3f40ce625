package com.cloudpartner.support.security;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;

/**
 * Verifies the platform's bearer tokens: RS256 only (the algorithm is pinned, whatever
 * the header claims), a {@code kid} that the key source knows, the configured issuer, one
 * of the accepted audiences, and {@code exp}/{@code nbf} within a small clock skew.
 * {@code jku} and {@code x5u} headers are never followed.
 */
public class TokenVerifier {

	public static final String ALGORITHM = "RS256";

	private final JwtParser parser;

	private final Set<String> audiences;

	public TokenVerifier(KeySource keys, String issuer, Collection<String> audiences, Duration clockSkew, Clock clock) {
		this.audiences = Set.copyOf(audiences);
		this.parser = Jwts.parser()
			.keyLocator(new PinnedKeyLocator(keys))
			.requireIssuer(issuer)
			.clockSkewSeconds(clockSkew.toSeconds())
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	public VerifiedToken verify(String compact) {
		if (compact == null || compact.isBlank()) {
			throw new InvalidTokenException("The bearer token is missing.");
		}
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(compact).getPayload();
		}
		catch (ExpiredJwtException ex) {
			throw new InvalidTokenException("The bearer token has expired.", ex);
		}
		catch (InvalidTokenException ex) {
			throw ex;
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new InvalidTokenException("The bearer token is not valid.", ex);
		}
		Set<String> audience = (claims.getAudience() != null) ? claims.getAudience() : Set.of();
		if (audience.stream().noneMatch(this.audiences::contains)) {
			throw new InvalidTokenException("The bearer token is not meant for this API.");
		}
		if (claims.getExpiration() == null) {
			throw new InvalidTokenException("The bearer token has no expiry.");
		}
		String scope = claims.get("scope", String.class);
		Set<String> scopes = (scope == null) ? Set.of()
				: new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
		return new VerifiedToken(claims.getSubject(), Set.copyOf(audience), Set.copyOf(scopes),
				claims.get("acct", String.class), claims.get("cust", String.class), claims.getId(),
				claims.getExpiration().toInstant());
	}

	private static final class PinnedKeyLocator extends LocatorAdapter<Key> {

		private final KeySource keys;

		PinnedKeyLocator(KeySource keys) {
			this.keys = keys;
		}

		@Override
		protected Key locate(ProtectedHeader header) {
			if (!ALGORITHM.equals(header.getAlgorithm())) {
				throw new InvalidTokenException("The bearer token is not signed with " + ALGORITHM + ".");
			}
			String kid = header.getKeyId();
			if (kid == null || kid.isBlank()) {
				throw new InvalidTokenException("The bearer token names no signing key (kid).");
			}
			return this.keys.find(kid)
				.orElseThrow(() -> new InvalidTokenException("The bearer token is signed by an unknown key."));
		}

		@Override
		protected Key doLocate(Header header) {
			throw new InvalidTokenException("Unsigned tokens are not accepted.");
		}

	}

}
