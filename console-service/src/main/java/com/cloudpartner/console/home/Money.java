package com.cloudpartner.console.home;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * An exact amount in a currency, shown with grouping and every digit it has (never
 * through binary floating point).
 */
public record Money(String currencyCode, BigDecimal amount) {

	/** {@code {currencyCode, amount}}, or a bare amount in {@code defaultCurrency}. */
	public static Money of(JsonNode node, String defaultCurrency) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		try {
			if (node.isObject()) {
				JsonNode amount = node.get("amount");
				JsonNode currency = node.get("currencyCode");
				if (amount == null || amount.isNull()) {
					return null;
				}
				return new Money((currency != null && !currency.isNull()) ? currency.asString() : defaultCurrency,
						new BigDecimal(amount.asString()));
			}
			return new Money(defaultCurrency, new BigDecimal(node.asString()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	public String format(Locale locale) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
		format.setMinimumFractionDigits(Math.max(0, this.amount.scale()));
		format.setMaximumFractionDigits(Math.max(0, this.amount.scale()));
		String number = format.format(this.amount);
		return (this.currencyCode != null) ? number + " " + this.currencyCode : number;
	}

}
