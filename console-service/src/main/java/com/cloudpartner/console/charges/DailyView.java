package com.cloudpartner.console.charges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.cloudpartner.console.home.Money;

/**
 * The charges page's days: what each day added to the month at the customer's prices, as
 * a bar chart and, for whoever cannot see it, as a table and a sentence.
 *
 * @param chart one bar per day
 * @param rows the days as a table
 * @param first the first day shown (YYYY-MM-DD), empty without days
 * @param last the last day shown
 * @param peakDate the day that added the most, empty without days
 * @param peak its amount as read
 * @param total the sum of the days (the month to date) as read
 * @param currencyCode the currency of every amount
 */
record DailyView(DayChart chart, List<Row> rows, String first, String last, String peakDate, String peak, String total,
		String currencyCode) {

	static DailyView of(MonthlyCharges.Days answer, YearMonth month, Locale locale) {
		List<DayChart.Day> days = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		Row peak = null;
		BigDecimal most = BigDecimal.ZERO;
		for (MonthlyCharges.Day day : answer.days()) {
			LocalDate date = date(day.date());
			if (date == null) {
				continue;
			}
			Money amount = Money.of(day.customerCost(), answer.currencyCode());
			String text = (amount != null) ? amount.format(locale) : "";
			Row row = new Row(date.toString(), text, (amount != null) ? amount.amount().toPlainString() : "");
			rows.add(row);
			days.add(new DayChart.Day(date,
					List.of(new DayChart.Value(text, (amount != null) ? amount.amount() : null))));
			if (amount != null && amount.amount().compareTo(most) > 0) {
				peak = row;
				most = amount.amount();
			}
		}
		Money total = Money.of(answer.customerCost(), answer.currencyCode());
		return new DailyView(DayChart.of(month, days, 1, locale), rows, rows.isEmpty() ? "" : rows.getFirst().date(),
				rows.isEmpty() ? "" : rows.getLast().date(), (peak != null) ? peak.date() : "",
				(peak != null) ? peak.text() : "", (total != null) ? total.format(locale) : "",
				(answer.currencyCode() != null) ? answer.currencyCode() : "");
	}

	private static LocalDate date(String date) {
		try {
			return (date != null) ? LocalDate.parse(date) : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * @param date YYYY-MM-DD
	 * @param text the amount as read
	 * @param amount the exact amount, empty when the API sent none
	 */
	record Row(String date, String text, String amount) {

	}

}
