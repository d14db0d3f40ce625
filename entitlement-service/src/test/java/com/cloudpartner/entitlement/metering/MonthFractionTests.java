package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MonthFractionTests {

	@ParameterizedTest
	@CsvSource({ "2026-02, 100, Asia/Seoul", "2026-11, 100, Asia/Seoul", "2026-12, 7, Asia/Seoul",
			"2028-02, 333, Asia/Seoul", "2026-03, 50, Europe/Berlin", "2026-10, 1, Europe/Berlin" })
	void theHoursOfAMonthAddUpToExactlyTheSize(String month, int sizeGb, String zoneId) {
		ZoneId zone = ZoneId.of(zoneId);
		YearMonth ym = YearMonth.parse(month);
		Instant start = ym.atDay(1).atStartOfDay(zone).toInstant();
		Instant end = ym.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
		BigDecimal sum = BigDecimal.ZERO;
		int hours = 0;
		for (Instant h = start; h.isBefore(end); h = h.plus(1, ChronoUnit.HOURS)) {
			BigDecimal share = MonthFraction.ofHour(sizeGb, h, zone);
			assertThat(share.scale()).isEqualTo(MonthFraction.SCALE);
			assertThat(share.signum()).isPositive();
			sum = sum.add(share);
			hours++;
		}
		assertThat(sum).isEqualByComparingTo(BigDecimal.valueOf(sizeGb));
		assertThat(hours).isEqualTo(ChronoUnit.HOURS.between(start, end));
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-23T05:00:00Z", "2026-11-30T14:00:00Z" })
	void anHourAlwaysGetsTheSameShare(Instant hour) {
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		assertThat(MonthFraction.ofHour(100, hour, seoul)).isEqualTo(MonthFraction.ofHour(100, hour, seoul));
		assertThat(MonthFraction.ofHour(100, hour, seoul).subtract(new BigDecimal("0.138888889")).abs())
			.isLessThanOrEqualTo(new BigDecimal("0.000000001"));
	}

	@ParameterizedTest
	@CsvSource({ "2026-11, 1.5", "2026-02, 0.000000123", "2026-12, 250.123456789" })
	void aBucketsFractionalGigabytesAddUpOverTheMonthToo(String month, BigDecimal gb) {
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		YearMonth ym = YearMonth.parse(month);
		Instant end = ym.plusMonths(1).atDay(1).atStartOfDay(seoul).toInstant();
		BigDecimal sum = BigDecimal.ZERO;
		for (Instant h = ym.atDay(1).atStartOfDay(seoul).toInstant(); h
			.isBefore(end); h = h.plus(1, ChronoUnit.HOURS)) {
			sum = sum.add(MonthFraction.ofHour(gb, h, seoul));
		}
		assertThat(sum).isEqualByComparingTo(gb);
	}

}
