package com.cloudpartner.console.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.cloudpartner.console.monitoring.LineChart.Sample;
import com.cloudpartner.console.monitoring.LineChart.Scale;
import com.cloudpartner.console.monitoring.LineChart.Tick;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LineChartTests {

	private static final Instant FROM = Instant.parse("2026-10-01T00:00:00Z");

	private static final Instant TO = FROM.plus(Duration.ofHours(4));

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

	@Test
	void placesPercentOnAFixedAxisAndTimeAcrossThePeriod() {
		LineChart chart = LineChart.of(List.of(new Sample(FROM, 0), new Sample(FROM.plus(Duration.ofHours(2)), 50),
				new Sample(FROM.plus(Duration.ofHours(4)), 100)), FROM, TO, Scale.PERCENT, SEOUL, HOURS);

		assertThat(chart.polyline()).isEqualTo("64.0,188.0 344.0,100.0 624.0,12.0");
		assertThat(chart.yTicks()).extracting(Tick::label).containsExactly("0%", "25%", "50%", "75%", "100%");
		assertThat(chart.xTicks()).extracting(Tick::label).containsExactly("09:00", "10:00", "11:00", "12:00", "13:00");
		assertThat(chart.latest()).isEqualTo("100.0%");
		assertThat(chart.peak()).isEqualTo("100.0%");
		assertThat(chart.points().get(1).value()).isEqualTo("50");
		assertThat(chart.markers()).isTrue();
	}

	@Test
	void fitsTheBytesAxisToTheLargestValueWithRoundSteps() {
		LineChart chart = LineChart.of(List.of(new Sample(FROM, 1_500_000), new Sample(FROM, 2_500_000)), FROM, TO,
				Scale.BYTES, SEOUL, HOURS);

		assertThat(chart.unit()).isEqualTo("MB");
		assertThat(chart.yTicks()).extracting(Tick::label).containsExactly("0 MB", "1 MB", "2 MB", "3 MB", "4 MB");
		assertThat(chart.peak()).isEqualTo("2.5 MB");
		assertThat(Scale.BYTES.read(512)).isEqualTo("512 B");
		assertThat(Scale.BYTES.read(3_200_000_000.0)).isEqualTo("3.2 GB");
	}

	@Test
	void keepsAnEmptySeriesEmptyAndAnIdleOneOnTheAxis() {
		assertThat(LineChart.of(List.of(), FROM, TO, Scale.BYTES, SEOUL, HOURS).empty()).isTrue();
		LineChart idle = LineChart.of(List.of(new Sample(FROM, 0)), FROM, TO, Scale.BYTES, SEOUL, HOURS);
		assertThat(idle.polyline()).isEqualTo("64.0,188.0");
		assertThat(idle.latest()).isEqualTo("0 B");
	}

}
