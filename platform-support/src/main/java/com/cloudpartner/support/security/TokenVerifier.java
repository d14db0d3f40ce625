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
 * <p>
 * Verified tokens are remembered in a {@link TokenCache} (when one is given): a partner's
 * backend sends the same token with every call for its lifetime, and checking its RS256
 * signature again cost ~0.1-0.7 ms of CPU per request (8 % of the usage API's CPU in
 * batches of 100 events, issue 13). A remembered token is trusted for the cache's time to
 * live at most, never past its {@code exp}.
 */
public class TokenVerifier {

	public static final String ALGORITHM = "RS256";

	private final JwtParser parser;

	private final Set<String> audiences;

	private final TokenCache cache;

	/** A verifier that remembers no token. */
	public TokenVerifier(KeySource keys, String issuer, Collection<String> audiences, Duration clockSkew, Clock clock) {
		this(keys, issuer, audiences, clockSkew, clock, null);
	}

	/** A verifier that remembers the tokens it verified in {@code cache}. */
	public TokenVerifier(KeySource keys, String issuer, Collection<String> audiences, Duration clockSkew, Clock clock,
			TokenCache cache) {
		this.audiences = Set.copyOf(audiences);
		this.cache = cache;
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
		VerifiedToken remembered = remembered(compact);
		if (remembered != null) {
			return remembered;
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
		VerifiedToken token = new VerifiedToken(claims.getSubject(), Set.copyOf(audience), Set.copyOf(scopes),
				claims.get("acct", String.class), claims.get("cust", String.class), claims.getId(),
				claims.getExpiration().toInstant());
		if (this.cache != null) {
			this.cache.put(compact, token);
		}
		return token;
	}

	/**
	 * The token, when it was verified before and is still remembered; else {@code null}
	 * (a caller that must not block can then verify it elsewhere: verifying may fetch the
	 * issuer's keys).
	 */
	public VerifiedToken remembered(String compact) {
		return (this.cache != null && compact != null) ? this.cache.find(compact) : null;
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
