package com.cloudpartner.entitlement.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import com.cloudpartner.entitlement.config.ProblemDocument;

/**
 * Documents, on a controller, that every operation may answer 4xx or 5xx with the
 * platform's problem+json body.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApiResponse(responseCode = "4XX", description = "Refused: see the problem's code",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "5XX", description = "Failed or unavailable",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
public @interface ProblemResponses {

}
