package com.cloudpartner.console.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/**
 * The periods a monitoring page shows. The API samples once an hour and answers at most
 * 31 days, so the shortest period worth a chart is a few hours and the longest a month.
 */
enum MonitoringRange {

	HOURS_6("6h", Duration.ofHours(6), "HH:mm"), HOURS_24("24h", Duration.ofHours(24), "HH:mm"),
	DAYS_7("7d", Duration.ofDays(7), "MM-dd HH:mm"), DAYS_30("30d", Duration.ofDays(30), "MM-dd");

	static final MonitoringRange DEFAULT = HOURS_24;

	private final String key;

	private final Duration length;

	private final DateTimeFormatter labels;

	MonitoringRange(String key, Duration length, String labels) {
		this.key = key;
		this.length = length;
		this.labels = DateTimeFormatter.ofPattern(labels);
	}

	static Optional<MonitoringRange> of(String key) {
		return Arrays.stream(values()).filter((range) -> range.key.equals(key)).findFirst();
	}

	public String key() {
		return this.key;
	}

	DateTimeFormatter labels() {
		return this.labels;
	}

	/** To the end of the current hour, so the hour now running is the last sample. */
	Instant to(Instant now) {
		return now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
	}

	Instant from(Instant now) {
		return to(now).minus(this.length);
	}

}
