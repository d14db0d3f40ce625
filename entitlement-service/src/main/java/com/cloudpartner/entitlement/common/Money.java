package com.cloudpartner.entitlement.common;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An amount of money as the API spells it: the amount is a decimal string so that no
 * client reads it as a binary floating point number.
 *
 * @param currencyCode ISO 4217 code
 * @param amount non-negative decimal string
 */
public record Money(
		@NotNull @Pattern(regexp = "[A-Z]{3}",
				message = "must be an ISO 4217 code such as KRW") @Schema(example = "KRW") String currencyCode,
		@NotNull @Pattern(regexp = "\\d{1,13}(\\.\\d{1,6})?",
				message = "must be a non-negative decimal string with at most 6 fraction digits") @Schema(
						example = "30000") String amount) {

	public static Money of(String currencyCode, BigDecimal amount) {
		return new Money(currencyCode, plain(amount));
	}

	public BigDecimal decimal() {
		return new BigDecimal(this.amount);
	}

	/** The shortest exact spelling: 30000 rather than 3E+4 or 30000.000000. */
	public static String plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
	}

}
