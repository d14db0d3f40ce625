package com.cloudpartner.console.charges;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the charges chart: one horizontal bar per line of the month (SKU and
 * meter), its length the line's share of the largest line, drawn by the page as inline
 * SVG. Lengths come from the exact amounts; only the drawing is rounded.
 *
 * @param height the height of the drawing
 * @param bars one per line, in the month's order
 */
record BarChart(int height, List<Bar> bars) {

	static final int WIDTH = 640;

	static final int LABEL_WIDTH = 220;

	static final int AMOUNT_WIDTH = 130;

	static final int ROW = 30;

	static final int TOP = 8;

	static final int CAPTION_LENGTH = 32;

	public int width() {
		return WIDTH;
	}

	public int left() {
		return LABEL_WIDTH;
	}

	static BarChart of(List<Row> rows) {
		BigDecimal largest = rows.stream()
			.map(Row::amount)
			.filter((amount) -> amount != null && amount.signum() > 0)
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ONE);
		double room = WIDTH - LABEL_WIDTH - AMOUNT_WIDTH;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			double share = (row.amount() != null && row.amount().signum() > 0)
					? row.amount().divide(largest, MathContext.DECIMAL64).doubleValue() : 0;
			double y = TOP + i * ROW;
			bars.add(new Bar(row.label(), caption(row.label()), row.text(),
					(row.amount() != null) ? row.amount().toPlainString() : "", coordinate(y + 4),
					coordinate(Math.max(share * room, (share > 0) ? 1 : 0)), coordinate(y + ROW / 2.0),
					coordinate(LABEL_WIDTH + share * room + 6)));
		}
		return new BarChart(TOP * 2 + rows.size() * ROW, bars);
	}

	/** What fits left of the bars at 12 px; the whole label is the bar's title. */
	private static String caption(String label) {
		return (label.length() > CAPTION_LENGTH) ? label.substring(0, CAPTION_LENGTH - 1) + "…" : label;
	}

	private static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/**
	 * A line to draw.
	 *
	 * @param label SKU and meter
	 * @param text the amount as read
	 * @param amount the exact amount, null when the API sent none
	 */
	record Row(String label, String text, BigDecimal amount) {

	}

	/**
	 * @param label SKU and meter, the bar's title
	 * @param caption the label, shortened to fit left of the bar
	 * @param text the amount as read, right of the bar
	 * @param amount the exact amount (for tests and tools)
	 * @param y the top of the bar
	 * @param length the length of the bar
	 * @param middle the text baseline
	 * @param textX where the amount is written
	 */
	record Bar(String label, String caption, String text, String amount, String y, String length, String middle,
			String textX) {

	}

}
