package com.cloudpartner.console.partnertool.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Months as the API writes them ({@code YYYY-MM}), from a request parameter. */
public final class Months {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

	private Months() {
	}

	/** The month asked for, or null when the parameter is missing or not a month. */
	public static YearMonth parse(String value) {
		if (value == null || !MONTH.matcher(value).matches()) {
			return null;
		}
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
