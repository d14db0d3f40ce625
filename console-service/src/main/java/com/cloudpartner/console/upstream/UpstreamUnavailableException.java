package com.cloudpartner.console.upstream;

/**
 * Another service could not answer a read the console needs (down, slow, or refusing).
 * Pages catch it and show that part as unavailable; its message names the service, never
 * the response body.
 */
public class UpstreamUnavailableException extends RuntimeException {

	public UpstreamUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public UpstreamUnavailableException(String message) {
		super(message);
	}

}
