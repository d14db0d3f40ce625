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
