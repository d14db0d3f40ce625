package com.cloudpartner.console.partnertool.api;

import java.util.List;

/**
 * partner-service refused a request with a 4xx problem (other than an expired token or a
 * suspended partner): its status, stable {@code code}, {@code detail} and field errors.
 */
public class ApiRefusal extends RuntimeException {

	private final int status;

	private final String code;

	private final List<FieldError> errors;

	public ApiRefusal(int status, String code, String detail, List<FieldError> errors) {
		super(detail, null, false, false);
		this.status = status;
		this.code = (code != null) ? code : "";
		this.errors = (errors != null) ? List.copyOf(errors) : List.of();
	}

	public int status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public String detail() {
		return getMessage();
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	public boolean is(String code) {
		return this.code.equals(code);
	}

	@Override
	public String toString() {
		return "ApiRefusal[" + this.status + " " + this.code + "]";
	}

	/** One invalid field, as partner-service names it ({@code branding.logoUrl}). */
	public record FieldError(String field, String message) {

	}

}
