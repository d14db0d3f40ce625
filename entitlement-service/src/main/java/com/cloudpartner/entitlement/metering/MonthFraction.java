package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Spreads a GB-month over the hours of a calendar month so that billing's "quantity x
 * unit price, no cap" rule charges exactly one month for a resource that existed all
 * month. Hour {@code i} of {@code N} gets {@code round(size x (i+1) / N) - round(size x i
 * / N)} at 9 decimal places: each hour's share depends only on the hour (so a replay
 * computes the same quantity) and the shares of a whole month telescope to exactly the
 * size.
 */
final class MonthFraction {

	static final int SCALE = 9;

	private MonthFraction() {
	}

	static BigDecimal ofHour(int sizeGb, Instant hourStart, ZoneId zone) {
		return ofHour(BigDecimal.valueOf(sizeGb), hourStart, zone);
	}

	/** The same for a size that is not whole GB (what a bucket stores). */
	static BigDecimal ofHour(BigDecimal size, Instant hourStart, ZoneId zone) {
		YearMonth month = YearMonth.from(hourStart.atZone(zone));
		Instant monthStart = month.atDay(1).atStartOfDay(zone).toInstant();
		Instant nextMonth = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		long hours = Duration.between(monthStart, nextMonth).toHours();
		long index = Duration.between(monthStart, hourStart).toHours();
		return cumulative(size, index + 1, hours).subtract(cumulative(size, index, hours));
	}

	private static BigDecimal cumulative(BigDecimal size, long hoursSoFar, long hoursInMonth) {
		return size.multiply(BigDecimal.valueOf(hoursSoFar))
			.divide(BigDecimal.valueOf(hoursInMonth), SCALE, RoundingMode.HALF_EVEN);
	}

}
