package com.cloudpartner.billing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BillablePeriodsTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	@Test
	void coversEveryStartedHourOfTheWindow() {
		Instant start = Instant.parse("2026-11-23T05:30:00Z");
		Instant end = Instant.parse("2026-11-23T06:10:00Z");

		assertThat(BillablePeriods.firstHour(start, SEOUL)).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
		assertThat(BillablePeriods.lastHour(end, SEOUL)).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
	}

	@Test
	void endsBeforeTheHourTheWindowEndsAt() {
		assertThat(BillablePeriods.lastHour(Instant.parse("2026-11-23T06:00:00Z"), SEOUL))
			.isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
	}

	@Test
	void countsHoursInAZoneWithAHalfHourOffset() {
		ZoneId india = ZoneId.of("Asia/Kolkata");

		assertThat(BillablePeriods.firstHour(Instant.parse("2026-11-23T05:10:00Z"), india))
			.isEqualTo(Instant.parse("2026-11-23T04:30:00Z"));
	}

	@Test
	void countsDaysInTheBillingZone() {
		// 15:00Z is midnight in Seoul: the window touches the 24th and the 25th there
		Instant start = Instant.parse("2026-11-23T15:00:00Z");
		Instant end = Instant.parse("2026-11-24T15:00:01Z");

		assertThat(BillablePeriods.firstDay(start, SEOUL)).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(BillablePeriods.lastDay(end, SEOUL)).isEqualTo(LocalDate.of(2026, 11, 25));
	}

}
