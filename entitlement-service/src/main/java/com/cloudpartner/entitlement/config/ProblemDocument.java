package com.cloudpartner.entitlement.config;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer (RFC 9457 problem+json with a stable {@code code}), for
 * the OpenAPI document only: platform-support's ProblemHandler writes the real ones.
 *
 * @param type problem type URI
 * @param title short summary
 * @param status HTTP status
 * @param detail what went wrong
 * @param code stable UPPER_SNAKE code
 * @param errors invalid fields of a 400
 */
@Schema(name = "Problem", description = "RFC 9457 problem details with a stable code")
public record ProblemDocument(@Schema(example = "https://docs.cloudpartner.dev/problems/offer-not-found") String type,
		@Schema(example = "Not Found") String title, @Schema(example = "404") int status,
		@Schema(example = "There is no offer offers/x.") String detail,
		@Schema(example = "OFFER_NOT_FOUND") String code, List<FieldError> errors) {

	/**
	 * One invalid field.
	 *
	 * @param field the field path
	 * @param message what is wrong with it
	 */
	@Schema(name = "FieldError")
	public record FieldError(@Schema(example = "parameters[0].value") String field,
			@Schema(example = "maxUnits must be an integer of at least 1") String message) {

	}

}
