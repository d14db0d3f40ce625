package com.cloudpartner.billing.rating;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A calendar month in the billing time zone: its boundaries are midnights in that zone,
 * so {@code 2026-10-31T15:00:00Z} already belongs to November in {@code Asia/Seoul}.
 *
 * @param month the month
 * @param zone the billing time zone
 */
public record BillingMonth(YearMonth month, ZoneId zone) {

	public static BillingMonth of(Instant instant, ZoneId zone) {
		return new BillingMonth(YearMonth.from(instant.atZone(zone)), zone);
	}

	/** The first instant of the month. */
	public Instant start() {
		return this.month.atDay(1).atStartOfDay(this.zone).toInstant();
	}

	/** The first instant after the month. */
	public Instant end() {
		return this.month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
	}

	public boolean contains(Instant instant) {
		return !instant.isBefore(start()) && instant.isBefore(end());
	}

	/** How many periods of the unit the month has (hours vary with daylight saving). */
	public long periods(MeterUnit unit) {
		return switch (unit) {
			case HOUR -> Duration.between(start(), end()).toHours();
			case DAY -> this.month.lengthOfMonth();
			default -> throw new IllegalArgumentException(unit + " does not count periods");
		};
	}

	@Override
	public String toString() {
		return this.month.toString();
	}

}
