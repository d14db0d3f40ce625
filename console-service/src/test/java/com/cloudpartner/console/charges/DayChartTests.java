package com.cloudpartner.console.charges;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import com.cloudpartner.console.charges.DayChart.Bar;
import com.cloudpartner.console.charges.DayChart.Day;
import com.cloudpartner.console.charges.DayChart.Tick;
import com.cloudpartner.console.charges.DayChart.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayChartTests {

	private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

	@Test
	void measuresEachDayAgainstARoundTopExactly() {
		DayChart chart = DayChart.of(NOVEMBER, List.of(day(1, "1080"), day(2, "0"), day(3, "270"), day(4, "-40"),
				new Day(LocalDate.of(2026, 11, 5), List.of(new Value("", null)))), 1, Locale.ENGLISH);

		// 1,080 / 4 = 270 a step -> 300: the axis reaches 1,200
		assertThat(chart.yTicks()).extracting(Tick::label).containsExactly("0", "300", "600", "900", "1,200");
		assertThat(chart.bars()).extracting(Bar::height).containsExactly("180.0", "0.0", "45.0", "0.0", "0.0");
		assertThat(chart.bars()).extracting(Bar::amount).containsExactly("1080", "0", "270", "-40", "");
		assertThat(chart.bars().get(0).y()).isEqualTo("32.0");
	}

	@Test
	void givesEveryDayOfTheMonthASlotAndLabelsTheFirstEveryFifthAndTheLast() {
		DayChart chart = DayChart.of(NOVEMBER, List.of(day(1, "1"), day(30, "1")), 1, Locale.ROOT);

		// 556 pixels for 30 days: slots of 18.53, bars of 80% of a slot
		assertThat(chart.bars().get(0).x()).isEqualTo("73.9");
		assertThat(chart.bars().get(0).width()).isEqualTo("14.8");
		assertThat(chart.bars().get(1).x()).isEqualTo("611.3");
		assertThat(chart.xTicks()).extracting(Tick::label).containsExactly("1", "5", "10", "15", "20", "25", "30");
		assertThat(chart.xTicks().get(0).position()).isEqualTo("81.3");
	}

	@Test
	void putsTheSeriesOfADaySideBySideAndLeavesOutDaysOfAnotherMonth() {
		DayChart chart = DayChart
			.of(NOVEMBER, List.of(
					new Day(LocalDate.of(2026, 11, 2),
							List.of(new Value("864 KRW", new BigDecimal("864")),
									new Value("1,188 KRW", new BigDecimal("1188")))),
					day(LocalDate.of(2026, 12, 1), "5")), 2, Locale.ROOT);

		assertThat(chart.bars()).extracting(Bar::series).containsExactly(0, 1);
		assertThat(chart.bars()).extracting(Bar::height).containsExactly("144.0", "198.0");
		assertThat(chart.bars()).extracting(Bar::date).containsOnly("2026-11-02");
		assertThat(Double.parseDouble(chart.bars().get(1).x()) - Double.parseDouble(chart.bars().get(0).x()))
			.isCloseTo(Double.parseDouble(chart.bars().get(0).width()), org.assertj.core.data.Offset.offset(0.11));
	}

	@Test
	void findsRoundTopsForCentsAndMillions() {
		assertThat(DayChart.niceTop(new BigDecimal("0.19"))).isEqualByComparingTo("0.2");
		assertThat(DayChart.niceTop(new BigDecimal("0.0625"))).isEqualByComparingTo("0.08");
		assertThat(DayChart.niceTop(new BigDecimal("30000"))).isEqualByComparingTo("32000");
		assertThat(DayChart.niceTop(new BigDecimal("1234567"))).isEqualByComparingTo("1600000");
		assertThat(DayChart.niceTop(BigDecimal.ZERO)).isEqualByComparingTo("4");
		DayChart usd = DayChart.of(NOVEMBER, List.of(day(5, "0.06")), 1, Locale.ROOT);
		assertThat(usd.yTicks()).extracting(Tick::label).containsExactly("0", "0.02", "0.04", "0.06", "0.08");
	}

	private static Day day(int dayOfMonth, String amount) {
		return day(NOVEMBER.atDay(dayOfMonth), amount);
	}

	private static Day day(LocalDate date, String amount) {
		return new Day(date, List.of(new Value(amount + " KRW", new BigDecimal(amount))));
	}

}
