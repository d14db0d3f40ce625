package com.cloudpartner.console.charges;

import java.math.BigDecimal;
import java.util.List;

import com.cloudpartner.console.charges.BarChart.Bar;
import com.cloudpartner.console.charges.BarChart.Row;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BarChartTests {

	@Test
	void measuresEachLineAgainstTheLargestExactly() {
		BarChart chart = BarChart.of(List.of(new Row("a", "30,000 KRW", new BigDecimal("30000")),
				new Row("b", "10,000 KRW", new BigDecimal("10000")), new Row("c", "0 KRW", BigDecimal.ZERO),
				new Row("d", "-500 KRW", new BigDecimal("-500")), new Row("e", "", null)));

		assertThat(chart.bars()).extracting(Bar::length).containsExactly("290.0", "96.7", "0.0", "0.0", "0.0");
		assertThat(chart.bars()).extracting(Bar::amount).containsExactly("30000", "10000", "0", "-500", "");
		assertThat(chart.height()).isEqualTo(16 + 5 * 30);
	}

	@Test
	void shortensLongLabelsLeftOfTheBarAndKeepsThemWholeInTheTitle() {
		String label = "server-premium/premium-4vcpu-16gb · vm-hours";
		Bar bar = BarChart.of(List.of(new Row(label, "1 KRW", BigDecimal.ONE))).bars().get(0);

		assertThat(bar.caption()).hasSize(32).endsWith("…").startsWith("server-premium/premium-4vcpu");
		assertThat(bar.label()).isEqualTo(label);
	}

	@Test
	void drawsNothingForAnEmptyMonth() {
		assertThat(BarChart.of(List.of()).bars()).isEmpty();
	}

}
