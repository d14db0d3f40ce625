package com.cloudpartner.partner.oauth;

import org.springframework.http.HttpStatus;

/**
 * An RFC 6749 section 5.2 error of the token endpoint.
 */
class OAuthError extends RuntimeException {

	private final String error;

	private final HttpStatus status;

	private final boolean basicChallenge;

	private OAuthError(String error, HttpStatus status, String description, boolean basicChallenge) {
		super(description);
		this.error = error;
		this.status = status;
		this.basicChallenge = basicChallenge;
	}

	static OAuthError invalidRequest(String description) {
		return new OAuthError("invalid_request", HttpStatus.BAD_REQUEST, description, false);
	}

	static OAuthError invalidClient(String description, boolean basicChallenge) {
		return new OAuthError("invalid_client", HttpStatus.UNAUTHORIZED, description, basicChallenge);
	}

	static OAuthError unsupportedGrantType(String description) {
		return new OAuthError("unsupported_grant_type", HttpStatus.BAD_REQUEST, description, false);
	}

	/** Not in RFC 6749: its error shape with HTTP 429 and Retry-After (seconds). */
	static OAuthError slowDown(String description, long retryAfterSeconds) {
		OAuthError error = new OAuthError("slow_down", HttpStatus.TOO_MANY_REQUESTS, description, false);
		error.retryAfterSeconds = retryAfterSeconds;
		return error;
	}

	private long retryAfterSeconds;

	long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	static OAuthError invalidScope(String description) {
		return new OAuthError("invalid_scope", HttpStatus.BAD_REQUEST, description, false);
	}

	String error() {
		return this.error;
	}

	HttpStatus status() {
		return this.status;
	}

	/**
	 * Whether the client authenticated with HTTP Basic, so the answer must challenge it.
	 */
	boolean basicChallenge() {
		return this.basicChallenge;
	}

}
