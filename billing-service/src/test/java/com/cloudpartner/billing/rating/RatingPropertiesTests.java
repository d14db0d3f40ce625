package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of rating that must hold for any usage, price and repricing. */
class RatingPropertiesTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final String SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

	private final RatingEngine engine = new RatingEngine();

	@Property(tries = 300)
	void neverChargesAResourceMoreThanItsMonthlyPricePerMonth(@ForAll @IntRange(min = 1, max = 12) int month,
			@ForAll @LongRange(min = 1, max = 744) long hours, @ForAll("prices") BigDecimal hourly,
			@ForAll("prices") BigDecimal monthly, @ForAll @IntRange(min = 0, max = 100) int discount) {
		BillingMonth billingMonth = new BillingMonth(YearMonth.of(2026, month), SEOUL);
		long units = Math.min(hours, billingMonth.periods(MeterUnit.HOUR));
		RatingResult result = this.engine.rate(new RatingInput(billingMonth,
				new Contract(BigDecimal.valueOf(discount), "KRW"), List.of(version(hourly, monthly)),
				List.of(new ResourceUsage("c1", "srv-1", null, SKU, "vm-hours", MeterUnit.HOUR, units)), List.of(),
				Map.of()));

		RatedItem item = result.lines().get(0).items().get(0);
		assertThat(item.costAtList()).isLessThanOrEqualTo(monthly);
		assertThat(result.costAtList()).isLessThanOrEqualTo(monthly.setScale(0, RoundingMode.HALF_UP));
		assertThat(result.cost()).isLessThanOrEqualTo(result.costAtList());
	}

	@Property(tries = 300)
	void chargesCustomersTheirBasisTimesOnePlusTheAdjustmentToTheWon(@ForAll @LongRange(min = 1, max = 720) long hours,
			@ForAll("prices") BigDecimal hourly, @ForAll @IntRange(min = 0, max = 100) int discount,
			@ForAll("adjustments") BigDecimal adjustment, @ForAll boolean onCost) {
		Repricing.Basis basis = onCost ? Repricing.Basis.DIRECT_CUSTOMER_COST : Repricing.Basis.COST_AT_LIST;
		BillingMonth november = new BillingMonth(YearMonth.of(2026, 11), SEOUL);
		RatingResult result = this.engine.rate(new RatingInput(november,
				new Contract(BigDecimal.valueOf(discount), "KRW"), List.of(version(hourly, null)),
				List.of(new ResourceUsage("c1", "srv-1", null, SKU, "vm-hours", MeterUnit.HOUR, hours),
						new ResourceUsage("c1", "srv-2", null, SKU, "vm-hours", MeterUnit.HOUR, 1)),
				List.of(), Map.of("c1", new Repricing(basis, adjustment))));

		RatedLine line = result.lines().get(0);
		BigDecimal list = hourly.multiply(BigDecimal.valueOf(hours + 1));
		BigDecimal cost = list.multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(discount).movePointLeft(2)));
		BigDecimal expected = (onCost ? cost : list).multiply(BigDecimal.ONE.add(adjustment.movePointLeft(2)))
			.setScale(0, RoundingMode.HALF_UP);
		assertThat(line.customerCost()).isEqualByComparingTo(expected);
		assertThat(line.costAtList()).isEqualByComparingTo(list.setScale(0, RoundingMode.HALF_UP));
		assertThat(line.cost()).isEqualByComparingTo(cost.setScale(0, RoundingMode.HALF_UP));
	}

	@Property(tries = 200)
	void linesAreTheRoundedSumsOfTheirResourcesWhateverTheOrder(@ForAll("usage") List<Long> hours,
			@ForAll("prices") BigDecimal hourly) {
		List<ResourceUsage> usage = new ArrayList<>();
		for (int i = 0; i < hours.size(); i++) {
			usage.add(new ResourceUsage("c1", "srv-" + i, null, SKU, "vm-hours", MeterUnit.HOUR, hours.get(i)));
		}
		BillingMonth november = new BillingMonth(YearMonth.of(2026, 11), SEOUL);
		RatingInput forward = new RatingInput(november, new Contract(new BigDecimal("20"), "KRW"),
				List.of(version(hourly, new BigDecimal("30000"))), usage, List.of(), Map.of());
		List<ResourceUsage> reversed = new ArrayList<>(usage);
		java.util.Collections.reverse(reversed);
		RatingInput backward = new RatingInput(november, forward.contract(), forward.priceBook(), reversed, List.of(),
				Map.of());

		RatingResult one = this.engine.rate(forward);
		RatingResult other = this.engine.rate(backward);

		assertThat(one.lines()).isEqualTo(other.lines());
		for (RatedLine line : one.lines()) {
			BigDecimal exact = line.items().stream().map(RatedItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
			assertThat(line.cost()).isEqualByComparingTo(exact.setScale(0, RoundingMode.HALF_UP));
		}
	}

	@Provide
	Arbitrary<BigDecimal> prices() {
		return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("100000")).ofScale(2);
	}

	@Provide
	Arbitrary<BigDecimal> adjustments() {
		return Arbitraries.bigDecimals().between(new BigDecimal("-100"), new BigDecimal("300")).ofScale(4);
	}

	@Provide
	Arbitrary<List<Long>> usage() {
		return Arbitraries.longs().between(0, 720).list().ofMinSize(1).ofMaxSize(20);
	}

	private static PriceVersion version(BigDecimal hourly, BigDecimal monthly) {
		return new PriceVersion("offers/o", SKU, "vm-hours", MeterUnit.HOUR, hourly, "KRW", monthly, LONG_AGO);
	}

}
