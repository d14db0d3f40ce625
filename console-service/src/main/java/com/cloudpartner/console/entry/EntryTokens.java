package com.cloudpartner.console.entry;

import java.time.Instant;
import java.util.Base64;

import com.cloudpartner.support.security.InvalidTokenException;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedToken;
import io.jsonwebtoken.ExpiredJwtException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Decides whether a {@code user_id} and {@code jwt} pair may open a console: the token
 * must verify (RS256, issuer, expiry: see {@link TokenVerifier}), be a console token
 * ({@code aud} and {@code scope} {@code console}) of one customer of one partner, and
 * name exactly this user in its {@code uid} claim.
 */
@Component
class EntryTokens {

	private static final int MAX_TOKEN_LENGTH = 8192;

	private static final int MAX_USER_ID_LENGTH = 256;

	private final TokenVerifier verifier;

	private final JsonMapper json;

	EntryTokens(TokenVerifier verifier, JsonMapper json) {
		this.verifier = verifier;
		this.json = json;
	}

	Grant verify(String userId, String jwt) {
		if (userId == null || userId.isBlank() || userId.length() > MAX_USER_ID_LENGTH || jwt == null || jwt.isBlank()
				|| jwt.length() > MAX_TOKEN_LENGTH) {
			throw new Refused(Refused.Reason.INVALID, null);
		}
		VerifiedToken token;
		try {
			token = this.verifier.verify(jwt.trim());
		}
		catch (InvalidTokenException ex) {
			if (ex.getCause() instanceof ExpiredJwtException expired) {
				// The signature was checked before the expiry, so the account is genuine.
				throw new Refused(Refused.Reason.EXPIRED, expired.getClaims().get("acct", String.class));
			}
			throw new Refused(Refused.Reason.INVALID, null);
		}
		if (!token.audience().contains(VerifiedToken.CONSOLE) || !token.hasScope(VerifiedToken.CONSOLE)) {
			throw new Refused(Refused.Reason.INVALID, token.accountId());
		}
		if (isBlank(token.accountId()) || isBlank(token.customerId())) {
			throw new Refused(Refused.Reason.INVALID, token.accountId());
		}
		// TokenVerifier does not expose uid; the payload is the one whose signature it
		// checked.
		String uid = claim(jwt.trim(), "uid");
		if (uid == null || !uid.equals(userId)) {
			throw new Refused(Refused.Reason.USER_MISMATCH, token.accountId());
		}
		return new Grant(token.accountId(), token.customerId(), uid, jwt.trim(), token.expiresAt());
	}

	private String claim(String compact, String name) {
		String[] parts = compact.split("\\.", -1);
		if (parts.length != 3) {
			return null;
		}
		try {
			JsonNode claims = this.json.readTree(Base64.getUrlDecoder().decode(parts[1]));
			JsonNode value = claims.get(name);
			return (value != null && value.isString()) ? value.asString() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/** A verified console entry. */
	record Grant(String accountId, String customerId, String userId, String token, Instant expiresAt) {

		@Override
		public String toString() {
			return "Grant[account=" + this.accountId + ", customer=" + this.customerId + "]";
		}

	}

	/** Why an entry was refused; the account when the token genuinely names one. */
	static final class Refused extends RuntimeException {

		enum Reason {

			INVALID("refused-invalid"), EXPIRED("refused-expired"), USER_MISMATCH("refused-user");

			private final String notice;

			Reason(String notice) {
				this.notice = notice;
			}

			String notice() {
				return this.notice;
			}

		}

		private final Reason reason;

		private final String accountId;

		Refused(Reason reason, String accountId) {
			super(reason.name(), null, false, false);
			this.reason = reason;
			this.accountId = accountId;
		}

		Reason reason() {
			return this.reason;
		}

		String accountId() {
			return this.accountId;
		}

	}

}
