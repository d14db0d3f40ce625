package com.cloudpartner.console.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one monitoring chart, computed here so that the page draws it as inline
 * SVG (axes, labels, units) without any script or chart library. Coordinates are written
 * with a dot whatever the user's language.
 *
 * @param polyline the SVG {@code points} of the line
 * @param yTicks the value axis: position and label with its unit
 * @param xTicks the time axis: position and local time
 * @param points each sample with its place and its value as read
 * @param markers whether to draw each point (not for a month of hours)
 * @param unit the unit of the value axis
 * @param latest the last sample as read, empty without samples
 * @param peak the largest sample as read, empty without samples
 */
record LineChart(String polyline, List<Tick> yTicks, List<Tick> xTicks, List<Point> points, boolean markers,
		String unit, String latest, String peak) {

	static final int WIDTH = 640;

	static final int HEIGHT = 220;

	static final int LEFT = 64;

	static final int RIGHT = WIDTH - 16;

	static final int TOP = 12;

	static final int BOTTOM = HEIGHT - 32;

	private static final int MAX_MARKERS = 200;

	public boolean empty() {
		return this.points.isEmpty();
	}

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

	static LineChart of(List<Sample> samples, Instant from, Instant to, Scale scale, ZoneId zone,
			DateTimeFormatter timeLabels) {
		double max = samples.stream().mapToDouble(Sample::value).max().orElse(0);
		Axis axis = scale.axis(max);
		double span = Math.max(1, Duration.between(from, to).toSeconds());
		List<Point> points = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (Sample sample : samples) {
			double x = LEFT + (RIGHT - LEFT) * Duration.between(from, sample.time()).toSeconds() / span;
			double y = BOTTOM - (BOTTOM - TOP) * Math.min(1, Math.max(0, sample.value() / axis.max()));
			String value = scale.read(sample.value());
			String time = timeLabels.format(sample.time().atZone(zone));
			points.add(new Point(coordinate(x), coordinate(y), sample.time().toString(), number(sample.value()), value,
					time + " " + value));
			line.append(line.isEmpty() ? "" : " ").append(coordinate(x)).append(',').append(coordinate(y));
		}
		List<Tick> yTicks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			double y = BOTTOM - (BOTTOM - TOP) * i / 4.0;
			yTicks.add(new Tick(coordinate(y), axis.label(axis.max() * i / 4.0)));
		}
		List<Tick> xTicks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			Instant at = from.plusSeconds(Math.round(span * i / 4.0));
			xTicks.add(new Tick(coordinate(LEFT + (RIGHT - LEFT) * i / 4.0), timeLabels.format(at.atZone(zone))));
		}
		String latest = samples.isEmpty() ? "" : scale.read(samples.get(samples.size() - 1).value());
		String peak = samples.isEmpty() ? "" : scale.read(max);
		return new LineChart(line.toString(), yTicks, xTicks, points, points.size() <= MAX_MARKERS, axis.unit(), latest,
				peak);
	}

	static String coordinate(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** A sample's value exactly as the API sent it, without exponent. */
	static String number(double value) {
		return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	/** One sample of the API: the start of the hour and its value. */
	record Sample(Instant time, double value) {

	}

	record Tick(String position, String label) {

	}

	/**
	 * @param x where on the time axis
	 * @param y where on the value axis
	 * @param time the sampled hour (RFC 3339)
	 * @param value the value as sent
	 * @param text the value as read, with its unit
	 * @param title local time and value, shown on hover
	 */
	record Point(String x, String y, String time, String value, String text, String title) {

	}

	/** The value axis: its top, unit and how a value on it is labelled. */
	record Axis(double max, double divisor, String unit) {

		String label(double value) {
			double scaled = value / this.divisor;
			String number = (scaled == Math.rint(scaled)) ? String.format(Locale.ROOT, "%.0f", scaled)
					: String.format(Locale.ROOT, "%.1f", scaled);
			return number + ("%".equals(this.unit) ? "%" : " " + this.unit);
		}

	}

	/** Percent on a fixed 0-100 axis, or bytes on an axis that fits the largest value. */
	enum Scale {

		PERCENT, BYTES;

		private static final String[] UNITS = { "B", "KB", "MB", "GB", "TB" };

		Axis axis(double max) {
			if (this == PERCENT) {
				return new Axis(100, 1, "%");
			}
			int unit = 0;
			double divisor = 1;
			while (unit < UNITS.length - 1 && max / divisor >= 1000) {
				divisor *= 1000;
				unit++;
			}
			return new Axis(nice(max / divisor) * divisor, divisor, UNITS[unit]);
		}

		/** A value as read: percent with one decimal, bytes in the unit that fits it. */
		String read(double value) {
			if (this == PERCENT) {
				return String.format(Locale.ROOT, "%.1f%%", value);
			}
			Axis axis = axis(value);
			return (axis.divisor() == 1) ? String.format(Locale.ROOT, "%.0f B", value)
					: String.format(Locale.ROOT, "%.1f %s", value / axis.divisor(), axis.unit());
		}

		/**
		 * Four equal steps of 1, 2, 2.5 or 5 times a power of ten that reach a value, so
		 * that every gridline has a round label.
		 */
		private static double nice(double value) {
			if (value <= 0) {
				return 4;
			}
			double step = value / 4;
			double power = Math.pow(10, Math.floor(Math.log10(step)));
			for (double factor : new double[] { 1, 2, 2.5, 5, 10 }) {
				if (factor * power >= step) {
					return 4 * factor * power;
				}
			}
			return 40 * power;
		}

	}

}
