package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rates a month of usage with the rules of the public contract, in exact decimals:
 * <ul>
 * <li>HOUR (DAY) meters: each started hour (day) in which a resource was billable counts
 * once; a resource billable for every hour (day) of the month is charged the offer's
 * monthly price, otherwise {@code min(units x unit price, monthly price)} (no cap without
 * a monthly price);</li>
 * <li>quantity meters (GB, COUNT, ...): quantity x unit price, no cap;</li>
 * <li>{@code cost = costAtList x (1 - supplyDiscountPercent/100)};
 * {@code customerCost = basis x (1 + adjustmentPercent/100)} with the customer's
 * {@link Repricing} (list prices without one);</li>
 * <li>each line rounded HALF_UP to the currency's minor unit; totals are sums of rounded
 * lines.</li>
 * </ul>
 * Pure: no clock, no I/O, so that it can be tested exhaustively and reused by billing
 * runs.
 */
public final class RatingEngine {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public RatingResult rate(RatingInput input) {
		BillingMonth month = input.month();
		String currency = input.contract().currencyCode();
		PriceBook prices = new PriceBook(input.priceBook());
		Map<LineKey, Accumulator> lines = new TreeMap<>();
		Set<RatingResult.Unrated> unrated = new LinkedHashSet<>();
		for (ResourceUsage usage : input.resources()) {
			if (usage.billableUnits() <= 0) {
				continue;
			}
			Optional<PriceVersion> price = prices.find(usage.offer(), usage.sku(), usage.meter(), usage.unit(),
					currency, month);
			LineKey key = new LineKey(usage.customerId(), usage.sku(), usage.meter());
			if (price.isEmpty()) {
				unrated.add(key.unrated());
				continue;
			}
			BigDecimal units = BigDecimal.valueOf(usage.billableUnits());
			boolean wholeMonth = usage.billableUnits() >= month.periods(usage.unit());
			lines.computeIfAbsent(key, (k) -> new Accumulator())
				.add(units, periodicCharge(price.get(), units, wholeMonth));
		}
		for (QuantityUsage usage : input.quantities()) {
			Optional<PriceVersion> price = prices.find(usage.offer(), usage.sku(), usage.meter(), usage.unit(),
					currency, month);
			LineKey key = new LineKey(usage.customerId(), usage.sku(), usage.meter());
			if (price.isEmpty()) {
				unrated.add(key.unrated());
				continue;
			}
			lines.computeIfAbsent(key, (k) -> new Accumulator())
				.add(usage.quantity(), usage.quantity().multiply(price.get().listPrice()));
		}
		return result(input, lines, List.copyOf(unrated));
	}

	private static BigDecimal periodicCharge(PriceVersion price, BigDecimal units, boolean wholeMonth) {
		BigDecimal byUnits = units.multiply(price.listPrice());
		if (price.monthlyPrice() == null) {
			return byUnits;
		}
		return wholeMonth ? price.monthlyPrice() : byUnits.min(price.monthlyPrice());
	}

	private static RatingResult result(RatingInput input, Map<LineKey, Accumulator> lines,
			List<RatingResult.Unrated> unrated) {
		String currency = input.contract().currencyCode();
		int scale = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		BigDecimal costFactor = BigDecimal.ONE.subtract(input.contract().supplyDiscountPercent().divide(HUNDRED));
		List<RatedLine> rated = new ArrayList<>(lines.size());
		lines.forEach((key, sum) -> {
			BigDecimal cost = sum.costAtList.multiply(costFactor);
			Repricing repricing = input.repricingOf(key.customerId());
			BigDecimal basis = (repricing.basis() == Repricing.Basis.DIRECT_CUSTOMER_COST) ? cost : sum.costAtList;
			BigDecimal customerCost = basis.multiply(BigDecimal.ONE.add(repricing.adjustmentPercent().divide(HUNDRED)));
			rated.add(new RatedLine(key.customerId(), key.sku(), key.meter(), sum.quantity.stripTrailingZeros(),
					round(sum.costAtList, scale), round(cost, scale), round(customerCost, scale)));
		});
		return new RatingResult(input.month(), currency, List.copyOf(rated), total(rated, RatedLine::costAtList, scale),
				total(rated, RatedLine::cost, scale), total(rated, RatedLine::customerCost, scale), unrated);
	}

	private static BigDecimal round(BigDecimal amount, int scale) {
		return amount.setScale(scale, RoundingMode.HALF_UP);
	}

	private static BigDecimal total(List<RatedLine> lines, java.util.function.Function<RatedLine, BigDecimal> amount,
			int scale) {
		return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
	}

	private record LineKey(String customerId, String sku, String meter) implements Comparable<LineKey> {

		private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::customerId)
			.thenComparing(LineKey::sku)
			.thenComparing(LineKey::meter);

		RatingResult.Unrated unrated() {
			return new RatingResult.Unrated(this.customerId, this.sku, this.meter);
		}

		@Override
		public int compareTo(LineKey other) {
			return ORDER.compare(this, other);
		}

	}

	private static final class Accumulator {

		private BigDecimal quantity = BigDecimal.ZERO;

		private BigDecimal costAtList = BigDecimal.ZERO;

		void add(BigDecimal quantity, BigDecimal costAtList) {
			this.quantity = this.quantity.add(quantity);
			this.costAtList = this.costAtList.add(costAtList);
		}

	}

}
