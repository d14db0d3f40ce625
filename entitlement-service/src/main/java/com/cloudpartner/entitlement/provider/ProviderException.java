package com.cloudpartner.entitlement.provider;

/**
 * The cloud refused or failed an operation and changed nothing.
 */
public class ProviderException extends RuntimeException {

	private final String code;

	public ProviderException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** A stable UPPER_SNAKE code, for example {@code QUOTA_EXCEEDED}. */
	public String code() {
		return this.code;
	}

}
