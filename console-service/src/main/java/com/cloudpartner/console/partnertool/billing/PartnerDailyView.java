package com.cloudpartner.console.partnertool.billing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.cloudpartner.console.charges.DayChart;
import com.cloudpartner.console.partnertool.web.Amount;

/**
 * The real-time charges page's days: what each day added to the partner's supply cost and
 * to its customers' charges, as a chart of two bars a day and as a table.
 *
 * @param chart series 0 the supply cost, series 1 the customer cost
 * @param rows the days as a table
 * @param first the first day shown (YYYY-MM-DD), empty without days
 * @param last the last day shown
 * @param cost the month's supply cost as read (the sum of the days)
 * @param customerCost the month's customer cost as read
 * @param currencyCode the currency of every amount
 */
record PartnerDailyView(DayChart chart, List<Row> rows, String first, String last, String cost, String customerCost,
		String currencyCode) {

	static PartnerDailyView of(Billing.Daily answer, YearMonth month) {
		List<DayChart.Day> days = new ArrayList<>();
		List<Row> rows = new ArrayList<>();
		for (Billing.Day day : answer.days()) {
			LocalDate date = date(day.date());
			if (date == null) {
				continue;
			}
			Row row = new Row(date.toString(), text(day.cost()), amount(day.cost()), text(day.customerCost()),
					amount(day.customerCost()));
			rows.add(row);
			days.add(new DayChart.Day(date, List.of(value(day.cost()), value(day.customerCost()))));
		}
		return new PartnerDailyView(DayChart.of(month, days, 2, Locale.ROOT), rows,
				rows.isEmpty() ? "" : rows.getFirst().date(), rows.isEmpty() ? "" : rows.getLast().date(),
				text(answer.cost()), text(answer.customerCost()),
				(answer.currencyCode() != null) ? answer.currencyCode() : "");
	}

	private static DayChart.Value value(Amount amount) {
		return new DayChart.Value(text(amount), (amount != null) ? amount.value() : null);
	}

	private static String text(Amount amount) {
		return (amount != null) ? amount.formatted() : "";
	}

	private static String amount(Amount amount) {
		return (amount != null) ? amount.value().toPlainString() : "";
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
	 * @param cost the supply cost the day added, as read
	 * @param costAmount exactly
	 * @param customerCost the customer cost the day added, as read
	 * @param customerCostAmount exactly
	 */
	record Row(String date, String cost, String costAmount, String customerCost, String customerCostAmount) {

	}

}
