package com.cloudpartner.billing.export;

import java.math.BigDecimal;
import java.time.Duration;
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

import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.PriceVersion;
import com.cloudpartner.billing.rating.RatedItem;
import com.cloudpartner.billing.rating.RatedLine;
import com.cloudpartner.billing.rating.RatingEngine;
import com.cloudpartner.billing.rating.RatingInput;
import com.cloudpartner.billing.rating.RatingResult;
import com.cloudpartner.billing.rating.Repricing;
import com.cloudpartner.billing.rating.ResourceUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's sum equals the invoices', line by line, in the hourly shape: whatever the
 * hours, prices, discount and repricing, the rows {@link LineRows} makes of a rated line
 * (one per hour at the hourly rate, a SUSTAINED_USAGE_DISCOUNT credit for the monthly
 * cap, a rounding row) add up exactly to the line's cost, customer cost and cost at list.
 */
class ExportSumPropertiesTests {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final String SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	private final RatingEngine engine = new RatingEngine();

	@Property(tries = 300)
	void hourlyRowsCreditsAndRoundingAddUpToEachLine(@ForAll("hours") List<Integer> hours,
			@ForAll("prices") BigDecimal hourly, @ForAll("prices") BigDecimal monthly,
			@ForAll @IntRange(min = 0, max = 100) int discount, @ForAll("adjustments") BigDecimal adjustment,
			@ForAll boolean onCost, @ForAll @IntRange(min = 1, max = 12) int monthOfYear) {
		BillingMonth month = new BillingMonth(YearMonth.of(2026, monthOfYear), SEOUL);
		long all = month.periods(MeterUnit.HOUR);
		List<ResourceUsage> usage = new ArrayList<>();
		for (int i = 0; i < hours.size(); i++) {
			long units = Math.min(hours.get(i), all);
			Instant start = month.start();
			usage.add(new ResourceUsage("c1", "srv-" + i, "e1", "offers/o", SKU, "vm-hours", MeterUnit.HOUR,
					BigDecimal.valueOf(units), start, start.plus(Duration.ofHours(units))));
		}
		Repricing repricing = new Repricing(
				onCost ? Repricing.Basis.DIRECT_CUSTOMER_COST : Repricing.Basis.COST_AT_LIST, adjustment);
		RatingResult result = this.engine.rate(new RatingInput(
				month, new Contract(BigDecimal.valueOf(discount), "KRW"), List.of(new PriceVersion("offers/o", SKU,
						"vm-hours", MeterUnit.HOUR, hourly, "KRW", monthly, Instant.parse("2020-01-01T00:00:00Z"))),
				usage, List.of(), Map.of("c1", repricing)));

		for (RatedLine line : result.lines()) {
			List<ExportRow> rows = export(line, 0);
			assertThat(sum(rows, ExportRow::netCost)).isEqualByComparingTo(line.cost());
			assertThat(sum(rows, ExportRow::netCustomerCost)).isEqualByComparingTo(line.customerCost());
			assertThat(sum(rows, ExportRow::costAtList)).isEqualByComparingTo(line.costAtList());
			// the rounding row only mends rounding: half a won per other row at most
			BigDecimal bound = BigDecimal.valueOf(rows.size()).multiply(new BigDecimal("0.5"));
			assertThat(rows).filteredOn((row) -> row.costType().equals("rounding error"))
				.allSatisfy((row) -> assertThat(row.cost().abs()).isLessThanOrEqualTo(bound));
			List<ExportRow> windows = rows.stream()
				.filter((row) -> row.usageAmount() != null && row.usageAmount().signum() > 0)
				.toList();
			assertThat(windows).hasSize(line.quantity().intValueExact());
			assertThat(windows).allSatisfy((row) -> {
				assertThat(Duration.between(row.usageStart(), row.usageEnd())).isEqualTo(Duration.ofHours(1));
				assertThat(month.contains(row.usageStart())).isTrue();
			});
			assertThat(rows).filteredOn((row) -> row.credit() != null).allSatisfy((row) -> {
				assertThat(row.credit().type()).isEqualTo("SUSTAINED_USAGE_DISCOUNT");
				assertThat(row.credit().amount().signum()).isLessThanOrEqualTo(0);
			});
		}
	}

	@Property(tries = 200)
	void quantityWindowsAddUpToTheLineWithoutAnyCredit(@ForAll("quantities") List<BigDecimal> windows,
			@ForAll("prices") BigDecimal perGb, @ForAll @IntRange(min = 0, max = 100) int discount,
			@ForAll @IntRange(min = 0, max = 2) int scale) {
		String currency = (scale == 0) ? "KRW" : "USD";
		BigDecimal quantity = windows.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BillingMonth month = new BillingMonth(YearMonth.of(2026, 11), SEOUL);
		RatingResult result = this.engine.rate(new RatingInput(month,
				new Contract(BigDecimal.valueOf(discount), currency),
				List.of(new PriceVersion("offers/o", SKU, "egress-gb", MeterUnit.GB, perGb, currency, null,
						Instant.parse("2020-01-01T00:00:00Z"))),
				List.of(new ResourceUsage("c1", "lb-1", "e1", "offers/o", SKU, "egress-gb", MeterUnit.GB, quantity,
						month.start(), month.start().plus(Duration.ofHours(windows.size())))),
				List.of(), Map.of()));
		RatedLine line = result.lines().get(0);
		RatedItem item = line.items().get(0);
		List<ExportRow> rows = new ArrayList<>();
		LineRows export = new LineRows(line(line, currency), RatingEngine.scale(currency), rows::add);
		export.item(item(item));
		for (int h = 0; h < windows.size(); h++) {
			Instant start = month.start().plus(Duration.ofHours(h));
			export.window(start, start.plus(Duration.ofHours(1)), windows.get(h));
		}
		export.finish();

		assertThat(sum(rows, ExportRow::netCost)).isEqualByComparingTo(line.cost());
		assertThat(sum(rows, ExportRow::netCustomerCost)).isEqualByComparingTo(line.customerCost());
		assertThat(rows).noneMatch((row) -> row.credit() != null);
	}

	private static List<ExportRow> export(RatedLine line, int scale) {
		List<ExportRow> rows = new ArrayList<>();
		LineRows export = new LineRows(line(line, "KRW"), scale, rows::add);
		for (RatedItem item : line.items()) {
			export.item(item(item));
			for (long h = 0; h < item.units().longValueExact(); h++) {
				Instant start = item.usageStart().plus(Duration.ofHours(h));
				export.window(start, start.plus(Duration.ofHours(1)), BigDecimal.ONE);
			}
		}
		export.finish();
		return rows;
	}

	private static LineRows.Line line(RatedLine line, String currency) {
		return new LineRows.Line("a1", "202611", currency, line.customerId(), line.sku(), line.costAtList(),
				line.cost(), line.customerCost(), ExportRow.Context.NONE);
	}

	private static LineRows.Item item(RatedItem item) {
		return new LineRows.Item(item.resource(), item.entitlementId(), item.unit().name(), item.units(),
				item.usageStart(), item.usageEnd(), item.listPrice(), item.monthlyPrice(), item.costAtList(),
				item.cost(), item.customerCost(), item.grossCostAtList(), item.grossCost(), item.grossCustomerCost(),
				item.repricingConfig(), ExportRow.Context.NONE);
	}

	private static BigDecimal sum(List<ExportRow> rows, java.util.function.Function<ExportRow, BigDecimal> amount) {
		return rows.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	@Provide
	Arbitrary<List<Integer>> hours() {
		return Arbitraries.integers().between(1, 744).list().ofMinSize(1).ofMaxSize(4);
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
	Arbitrary<List<BigDecimal>> quantities() {
		return Arbitraries.bigDecimals()
			.between(new BigDecimal("0.0001"), new BigDecimal("1000"))
			.ofScale(4)
			.list()
			.ofMinSize(1)
			.ofMaxSize(48);
	}

}
