package com.cloudpartner.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The started hours and days that a usage window {@code [start, end)} covers, counted in
 * the billing time zone: a window from 05:30 to 06:10 covers the hours starting at 05:00
 * and 06:00.
 */
final class BillablePeriods {

	private BillablePeriods() {
	}

	/** The start of the first hour the window touches. */
	static Instant firstHour(Instant start, ZoneId zone) {
		return start.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
	}

	/** The start of the last hour the window touches. */
	static Instant lastHour(Instant end, ZoneId zone) {
		return end.minusNanos(1).atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
	}

	/** The first day (in the zone) the window touches. */
	static LocalDate firstDay(Instant start, ZoneId zone) {
		return start.atZone(zone).toLocalDate();
	}

	/** The last day (in the zone) the window touches. */
	static LocalDate lastDay(Instant end, ZoneId zone) {
		return end.minusNanos(1).atZone(zone).toLocalDate();
	}

}
