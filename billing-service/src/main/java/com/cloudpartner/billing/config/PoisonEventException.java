package com.cloudpartner.billing.config;

/**
 * A consumed record that can never be processed: it is dead-lettered at once instead of
 * being retried.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

	public PoisonEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
