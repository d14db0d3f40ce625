package com.cloudpartner.console.partnertool.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Money as the API sends it ({@code {"currencyCode":"KRW","amount":"30000"}}): the amount
 * stays a decimal string until it is shown or computed with, never a double.
 *
 * @param currencyCode ISO 4217
 * @param amount a decimal string
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Amount(String currencyCode, String amount) {

	/** The amount as an exact decimal; zero when the API left it out. */
	public BigDecimal value() {
		try {
			return (this.amount != null) ? new BigDecimal(this.amount) : BigDecimal.ZERO;
		}
		catch (NumberFormatException ex) {
			return BigDecimal.ZERO;
		}
	}

	/**
	 * {@code value} x (1 - percent/100) in this currency's minor unit (KRW 0 digits, USD
	 * 2), HALF_UP: the partner's supply price of a list price.
	 */
	public Amount discounted(BigDecimal percent) {
		BigDecimal factor = BigDecimal.ONE.subtract(percent.movePointLeft(2));
		BigDecimal result = value().multiply(factor).setScale(digits(this.currencyCode), RoundingMode.HALF_UP);
		return new Amount(this.currencyCode, result.toPlainString());
	}

	/** {@code 1,234,500 KRW}: grouped, every digit the API sent, never rounded here. */
	public String formatted() {
		DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
		format.setParseBigDecimal(true);
		String code = (this.currencyCode != null) ? this.currencyCode : "";
		return (format.format(value()) + " " + code).trim();
	}

	static int digits(String currencyCode) {
		try {
			int digits = Currency.getInstance(currencyCode).getDefaultFractionDigits();
			return Math.max(digits, 0);
		}
		catch (RuntimeException ex) {
			return 2;
		}
	}

}
