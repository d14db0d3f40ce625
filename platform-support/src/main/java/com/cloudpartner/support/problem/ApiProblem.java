package com.cloudpartner.support.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A failure that the client caused or must know about, carried to the edge and rendered
 * once as RFC 9457 problem+json with a stable {@code code}. Domain code throws it without
 * knowing about HTTP beyond the status it asks for.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final List<FieldError> errors;

	public ApiProblem(HttpStatus status, String code, String detail) {
		this(status, code, detail, List.of());
	}

	public ApiProblem(HttpStatus status, String code, String detail, List<FieldError> errors) {
		super(detail);
		this.status = status;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	public static ApiProblem badRequest(String code, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
	}

	public static ApiProblem invalidField(String field, String message) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "The request has invalid fields.",
				List.of(new FieldError(field, message)));
	}

	public static ApiProblem notFound(String code, String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
	}

	public static ApiProblem conflict(String code, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, code, detail);
	}

	public static ApiProblem forbidden(String code, String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, code, detail);
	}

	public static ApiProblem unauthorized(String code, String detail) {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, code, detail);
	}

	public static ApiProblem unprocessable(String code, String detail) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** One invalid field of a request. */
	public record FieldError(String field, String message) {
	}

}
