package com.cloudpartner.billing.charges;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An amount of money as the API spells it: the amount is a decimal string.
 *
 * @param currencyCode ISO 4217
 * @param amount the amount, a decimal string
 */
@Schema(example = "{\"currencyCode\":\"KRW\",\"amount\":\"30000\"}")
public record Money(String currencyCode, String amount) {

	public static Money of(String currencyCode, BigDecimal amount) {
		return new Money(currencyCode, amount.toPlainString());
	}

}
