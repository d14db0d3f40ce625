package com.cloudpartner.entitlement.entitlement;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * A purchase parameter of an entitlement, such as {@code maxUnits}.
 *
 * @param name the parameter name
 * @param value its value: an integer for {@code maxUnits}
 */
record Parameter(@NotBlank @Schema(example = "maxUnits") String name,
		@Schema(description = "an integer for maxUnits", example = "5", type = "integer") Object value) {

}
