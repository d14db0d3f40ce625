package com.cloudpartner.console.charges;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a chart of charges per day of a month, drawn by the page as inline SVG
 * without any script: a slot per day of the month, in it one vertical bar per series (the
 * console: the customer's charges; the partner tool: its supply cost and its customers'
 * prices), over a value axis with round ticks. Heights come from the exact amounts; only
 * the drawing is rounded, and coordinates are written with a dot whatever the language.
 * Used by the console's and the partner tool's charges pages.
 *
 * @param yTicks the value axis: position and the amount, grouped in the page's language
 * @param xTicks the day axis: position and day of the month
 * @param bars every bar, day by day and series by series
 */
public record DayChart(List<Tick> yTicks, List<Tick> xTicks, List<Bar> bars) {

	static final int WIDTH = 640;

	static final int HEIGHT = 240;

	static final int LEFT = 72;

	static final int RIGHT = WIDTH - 12;

	static final int TOP = 12;

	static final int BOTTOM = HEIGHT - 28;

	private static final BigDecimal FOUR = BigDecimal.valueOf(4);

	public int width() {
		return WIDTH;
	}

	public int height() {
		return HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return RIGHT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return BOTTOM;
	}

	/**
	 * @param month the month: a slot for each of its days, also those not shown yet
	 * @param days the days to draw; days outside the month are left out
	 * @param series how many amounts each day has
	 * @param locale how tick labels group digits
	 */
	public static DayChart of(YearMonth month, List<Day> days, int series, Locale locale) {
		BigDecimal largest = days.stream()
			.flatMap((day) -> day.values().stream())
			.map(Value::amount)
			.filter((amount) -> amount != null && amount.signum() > 0)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
		BigDecimal top = niceTop(largest);
		double slot = (RIGHT - LEFT) / (double) month.lengthOfMonth();
		double barWidth = slot * 0.8 / series;
		List<Bar> bars = new ArrayList<>();
		for (Day day : days) {
			if (!YearMonth.from(day.date()).equals(month)) {
				continue;
			}
			double x = LEFT + slot * (day.date().getDayOfMonth() - 1) + slot * 0.1;
			for (int s = 0; s < Math.min(series, day.values().size()); s++) {
				Value value = day.values().get(s);
				double share = (value.amount() != null && value.amount().signum() > 0)
						? value.amount().divide(top, MathContext.DECIMAL64).doubleValue() : 0;
				double height = (BOTTOM - TOP) * share;
				bars.add(new Bar(s, day.date().toString(), value.text(),
						(value.amount() != null) ? value.amount().toPlainString() : "", coordinate(x + s * barWidth),
						coordinate(BOTTOM - height), coordinate(barWidth), coordinate(height)));
			}
		}
		return new DayChart(yTicks(top, locale), xTicks(month, slot), List.copyOf(bars));
	}

	/**
	 * Four equal steps of 1, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten that reach the
	 * largest amount, so that every gridline has a round label; 4 without any amount.
	 */
	static BigDecimal niceTop(BigDecimal largest) {
		if (largest.signum() <= 0) {
			return FOUR;
		}
		BigDecimal step = largest.divide(FOUR, MathContext.DECIMAL64);
		BigDecimal power = BigDecimal.ONE.scaleByPowerOfTen(step.precision() - step.scale() - 1);
		for (String factor : new String[] { "1", "2", "2.5", "3", "4", "5", "6", "8", "10" }) {
			BigDecimal candidate = power.multiply(new BigDecimal(factor));
			if (candidate.compareTo(step) >= 0) {
				return candidate.multiply(FOUR);
			}
		}
		return power.multiply(BigDecimal.TEN).multiply(FOUR);
	}

	private static List<Tick> yTicks(BigDecimal top, Locale locale) {
		DecimalFormat format = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(locale));
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			BigDecimal value = top.multiply(BigDecimal.valueOf(i)).divide(FOUR, MathContext.DECIMAL64);
			ticks.add(new Tick(coordinate(BOTTOM - (BOTTOM - TOP) * i / 4.0), format.format(value)));
		}
		return ticks;
	}

	/**
	 * The 1st, every fifth day and the month's last day, under the middle of its slot.
	 */
	private static List<Tick> xTicks(YearMonth month, double slot) {
		List<Tick> ticks = new ArrayList<>();
		int last = month.lengthOfMonth();
		for (int day = 1; day <= last; day++) {
			boolean labelled = day == 1 || (day % 5 == 0 && last - day >= 3) || day == last;
			if (labelled) {
				ticks.add(new Tick(coordinate(LEFT + slot * (day - 0.5)), String.valueOf(day)));
			}
		}
		return ticks;
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * A day to draw.
	 *
	 * @param date the calendar day
	 * @param values one per series, in the series' order
	 */
	public record Day(LocalDate date, List<Value> values) {

	}

	/**
	 * One amount of a day.
	 *
	 * @param text the amount as read, with its currency
	 * @param amount the exact amount, null when the API sent none
	 */
	public record Value(String text, BigDecimal amount) {

	}

	/**
	 * @param series which series (0 the first)
	 * @param date the day (YYYY-MM-DD)
	 * @param text the amount as read
	 * @param amount the exact amount (for tests and tools)
	 * @param x the left of the bar
	 * @param y the top of the bar
	 * @param width the width of the bar
	 * @param height the height of the bar (0 for nothing or less)
	 */
	public record Bar(int series, String date, String text, String amount, String x, String y, String width,
			String height) {

	}

	/**
	 * @param position where on the axis
	 * @param label what it says
	 */
	public record Tick(String position, String label) {

	}

}
