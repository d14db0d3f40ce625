package com.cloudpartner.console.charges;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * An exact amount of the API ({@code {currencyCode, amount}} or a bare decimal string),
 * shown with grouping and every digit it has, never through binary floating point.
 */
record Amount(String currencyCode, BigDecimal value) {

	static Amount of(JsonNode node, String defaultCurrency) {
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
				return new Amount((currency != null && !currency.isNull()) ? currency.asString() : defaultCurrency,
						new BigDecimal(amount.asString()));
			}
			return new Amount(defaultCurrency, new BigDecimal(node.asString()));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	String format(Locale locale) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
		format.setMinimumFractionDigits(Math.max(0, this.value.scale()));
		format.setMaximumFractionDigits(Math.max(0, this.value.scale()));
		String number = format.format(this.value);
		return (this.currencyCode != null) ? number + " " + this.currencyCode : number;
	}

}
