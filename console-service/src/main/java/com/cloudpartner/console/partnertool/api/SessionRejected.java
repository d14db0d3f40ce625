package com.cloudpartner.console.partnertool.api;

/**
 * partner-service no longer accepts the session's token (401: expired, or the signing key
 * was rotated away). The session ends and the member signs in again.
 */
public class SessionRejected extends RuntimeException {

	public SessionRejected() {
		super("partner-service refused the session's token", null, false, false);
	}

}
