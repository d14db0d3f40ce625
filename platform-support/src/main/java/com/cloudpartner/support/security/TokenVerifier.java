package com.cloudpartner.support.security;

import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
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
 * A token verified once is remembered, by its exact text, until it expires: a partner's
 * backend sends the same token with every call for its lifetime, and checking its RS256
 * signature again cost ~0.1-0.7 ms of CPU per request (8 % of the usage API's CPU in
 * batches of 100 events, issue 13). A remembered token is still refused once expired
 * (with the same clock skew), and is verified afresh when its signing key is no longer
 * the one the key source holds for its {@code kid} (the key was rotated out). At most
 * {@value #REMEMBERED} tokens are remembered; past that the memory starts again empty.
 */
public class TokenVerifier {

	public static final String ALGORITHM = "RS256";

	static final int REMEMBERED = 1024;

	private final JwtParser parser;

	private final Set<String> audiences;

	private final KeySource keys;

	private final Duration clockSkew;

	private final Clock clock;

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	public TokenVerifier(KeySource keys, String issuer, Collection<String> audiences, Duration clockSkew, Clock clock) {
		this.audiences = Set.copyOf(audiences);
		this.keys = keys;
		this.clockSkew = clockSkew;
		this.clock = clock;
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
		Verified remembered = this.verified.get(compact);
		if (remembered != null) {
			if (!this.clock.instant().isBefore(remembered.token().expiresAt().plus(this.clockSkew))) {
				this.verified.remove(compact);
				throw new InvalidTokenException("The bearer token has expired.");
			}
			if (this.keys.find(remembered.keyId()).filter(remembered.key()::equals).isPresent()) {
				return remembered.token();
			}
			this.verified.remove(compact);
		}
		Jws<Claims> jws;
		try {
			jws = this.parser.parseSignedClaims(compact);
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
		Claims claims = jws.getPayload();
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
		String keyId = jws.getHeader().getKeyId();
		this.keys.find(keyId).ifPresent((key) -> {
			if (this.verified.size() >= REMEMBERED) {
				this.verified.clear();
			}
			this.verified.put(compact, new Verified(token, keyId, key));
		});
		return token;
	}

	/** How many verified tokens are remembered now. */
	int remembered() {
		return this.verified.size();
	}

	/** A verified token, with the key that verified it. */
	private record Verified(VerifiedToken token, String keyId, PublicKey key) {
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
