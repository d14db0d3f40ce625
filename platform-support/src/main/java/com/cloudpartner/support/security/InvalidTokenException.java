package com.cloudpartner.support.security;

/** A bearer token that must not be trusted; the message is safe to show to the caller. */
public class InvalidTokenException extends RuntimeException {

	public InvalidTokenException(String message) {
		super(message);
	}

	public InvalidTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
