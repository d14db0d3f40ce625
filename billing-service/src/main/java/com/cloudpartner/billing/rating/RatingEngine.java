package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Rates a month of usage with the rules of the public contract, in exact decimals:
 * <ul>
 * <li>HOUR (DAY) meters: each started hour (day) in which a resource was billable counts
 * once; a resource billable for every hour (day) of the month is charged the offer's
 * monthly price, otherwise {@code min(units x unit price, monthly price)} (no cap without
 * a monthly price). Parts of a resource's usage are priced as of their start; the cap is
 * the monthly price in force at the latest part;</li>
 * <li>quantity meters (GB, COUNT, ...): quantity x unit price, no cap;</li>
 * <li>{@code cost = costAtList x (1 - supplyDiscountPercent/100)} with the discount in
 * force at each part; {@code customerCost = basis x (1 + adjustmentPercent/100)} with the
 * customer's {@link Repricing} for the SKU (list prices without one);</li>
 * <li>each line rounded HALF_UP to the currency's minor unit from the exact sum of its
 * resources; totals are sums of rounded lines.</li>
 * </ul>
 * Pure: no clock, no I/O, so that it can be tested exhaustively and reused by billing
 * runs.
 */
public final class RatingEngine {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final MathContext EXACT = MathContext.DECIMAL128;

	public RatingResult rate(RatingInput input) {
		BillingMonth month = input.month();
		PriceBook prices = new PriceBook(input.priceBook());
		Map<ItemKey, List<ResourceUsage>> byItem = new TreeMap<>();
		input.resources().forEach((usage) -> add(byItem, usage));
		input.quantities().forEach((usage) -> add(byItem, usage.asResourceUsage()));
		Map<LineKey, List<RatedItem>> lines = new TreeMap<>();
		Map<LineKey, BigDecimal> unrated = new TreeMap<>();
		byItem.forEach((key, parts) -> {
			RatedItem item = rateItem(input, prices, month, key, parts);
			LineKey line = new LineKey(key.customerId(), key.sku(), key.meter());
			if (item == null) {
				BigDecimal units = parts.stream().map(ResourceUsage::units).reduce(BigDecimal.ZERO, BigDecimal::add);
				unrated.merge(line, units, BigDecimal::add);
			}
			else {
				lines.computeIfAbsent(line, (k) -> new ArrayList<>()).add(item);
			}
		});
		List<RatingResult.Unrated> left = new ArrayList<>();
		unrated.forEach((line, units) -> left.add(line.unrated(units)));
		return result(input, lines, List.copyOf(left));
	}

	private static void add(Map<ItemKey, List<ResourceUsage>> byItem, ResourceUsage usage) {
		if (usage.units().signum() == 0 && usage.unit().isPeriodic()) {
			return;
		}
		ItemKey key = new ItemKey(usage.customerId(), usage.sku(), usage.meter(), usage.resource(), usage.unit());
		byItem.computeIfAbsent(key, (k) -> new ArrayList<>()).add(usage);
	}

	private static RatedItem rateItem(RatingInput input, PriceBook prices, BillingMonth month, ItemKey key,
			List<ResourceUsage> parts) {
		List<ResourceUsage> sorted = parts.stream().sorted(Comparator.comparing((p) -> startOf(p, month))).toList();
		BigDecimal units = BigDecimal.ZERO;
		BigDecimal byUnits = BigDecimal.ZERO;
		List<BigDecimal> partCharges = new ArrayList<>(sorted.size());
		PriceVersion last = null;
		for (ResourceUsage part : sorted) {
			Instant start = startOf(part, month);
			Instant end = (part.usageEnd() != null) ? part.usageEnd() : month.end();
			PriceVersion price = prices
				.find(part.offer(), key.sku(), key.meter(), key.unit(), input.contract().currencyCode(), month.end(),
						start, PriceBook.firstPeriodEnd(key.unit(), start, end, month.zone()))
				.orElse(null);
			if (price == null) {
				return null;
			}
			BigDecimal charge = part.units().multiply(price.listPrice());
			partCharges.add(charge);
			byUnits = byUnits.add(charge);
			units = units.add(part.units());
			last = price;
		}
		BigDecimal costAtList = byUnits;
		BigDecimal cap = key.unit().isPeriodic() ? last.monthlyPrice() : null;
		if (cap != null) {
			boolean wholeMonth = units.compareTo(BigDecimal.valueOf(month.periods(key.unit()))) >= 0;
			costAtList = wholeMonth ? cap : byUnits.min(cap);
		}
		BigDecimal cost = cost(input.contract(), month, sorted, partCharges, byUnits, costAtList);
		Repricing repricing = input.repricingOf(key.customerId()).forSku(key.sku());
		BigDecimal customerCost = customerCost(repricing, costAtList, cost);
		BigDecimal grossCost = (costAtList.compareTo(byUnits) == 0) ? cost
				: cost(input.contract(), month, sorted, partCharges, byUnits, byUnits);
		ResourceUsage first = sorted.getFirst();
		ResourceUsage latest = sorted.getLast();
		return new RatedItem(key.resource(), latest.entitlementId(), last.offer(), key.unit(),
				units.stripTrailingZeros(), first.usageStart(), latest.usageEnd(), last.listPrice(), cap, costAtList,
				cost, customerCost, repricing.name(), byUnits, grossCost, customerCost(repricing, byUnits, grossCost));
	}

	private static BigDecimal customerCost(Repricing repricing, BigDecimal costAtList, BigDecimal cost) {
		BigDecimal basis = (repricing.basis() == Repricing.Basis.DIRECT_CUSTOMER_COST) ? cost : costAtList;
		return basis.multiply(BigDecimal.ONE.add(repricing.adjustmentPercent().divide(HUNDRED)));
	}

	/**
	 * The supply cost: exact when one discount covers every part (the usual case); when
	 * the contract changed during a capped item, each part's share of the cap is
	 * discounted with its own terms (34 significant digits before rounding).
	 */
	private static BigDecimal cost(Contract contract, BillingMonth month, List<ResourceUsage> parts,
			List<BigDecimal> partCharges, BigDecimal byUnits, BigDecimal costAtList) {
		List<BigDecimal> discounts = parts.stream()
			.map((p) -> contract.discountAt(startOf(p, month)).stripTrailingZeros())
			.toList();
		if (discounts.stream().distinct().count() == 1 || byUnits.signum() == 0) {
			return costAtList.multiply(BigDecimal.ONE.subtract(discounts.getLast().divide(HUNDRED)));
		}
		BigDecimal discounted = BigDecimal.ZERO;
		for (int i = 0; i < parts.size(); i++) {
			discounted = discounted
				.add(partCharges.get(i).multiply(BigDecimal.ONE.subtract(discounts.get(i).divide(HUNDRED))));
		}
		return (costAtList.compareTo(byUnits) == 0) ? discounted
				: discounted.multiply(costAtList).divide(byUnits, EXACT);
	}

	private static Instant startOf(ResourceUsage usage, BillingMonth month) {
		return (usage.usageStart() != null) ? usage.usageStart() : month.start();
	}

	private static RatingResult result(RatingInput input, Map<LineKey, List<RatedItem>> lines,
			List<RatingResult.Unrated> unrated) {
		String currency = input.contract().currencyCode();
		int scale = scale(currency);
		List<RatedLine> rated = new ArrayList<>(lines.size());
		lines.forEach((key, items) -> {
			BigDecimal quantity = sum(items, RatedItem::units);
			rated.add(new RatedLine(key.customerId(), key.sku(), key.meter(), quantity.stripTrailingZeros(),
					round(sum(items, RatedItem::costAtList), scale), round(sum(items, RatedItem::cost), scale),
					round(sum(items, RatedItem::customerCost), scale), List.copyOf(items)));
		});
		return new RatingResult(input.month(), currency, List.copyOf(rated), total(rated, RatedLine::costAtList, scale),
				total(rated, RatedLine::cost, scale), total(rated, RatedLine::customerCost, scale), unrated);
	}

	/** The minor-unit digits of a currency (KRW 0, USD 2). */
	public static int scale(String currency) {
		return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
	}

	private static BigDecimal sum(List<RatedItem> items, Function<RatedItem, BigDecimal> amount) {
		return items.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal round(BigDecimal amount, int scale) {
		return amount.setScale(scale, RoundingMode.HALF_UP);
	}

	private static BigDecimal total(List<RatedLine> lines, Function<RatedLine, BigDecimal> amount, int scale) {
		return lines.stream().map(amount).reduce(BigDecimal.ZERO.setScale(scale), BigDecimal::add);
	}

	private record ItemKey(String customerId, String sku, String meter, String resource,
			MeterUnit unit) implements Comparable<ItemKey> {

		private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::customerId)
			.thenComparing(ItemKey::sku)
			.thenComparing(ItemKey::meter)
			.thenComparing(ItemKey::resource)
			.thenComparing(ItemKey::unit);

		@Override
		public int compareTo(ItemKey other) {
			return ORDER.compare(this, other);
		}

	}

	private record LineKey(String customerId, String sku, String meter) implements Comparable<LineKey> {

		private static final Comparator<LineKey> ORDER = Comparator.comparing(LineKey::customerId)
			.thenComparing(LineKey::sku)
			.thenComparing(LineKey::meter);

		RatingResult.Unrated unrated(BigDecimal units) {
			return new RatingResult.Unrated(this.customerId, this.sku, this.meter, units.stripTrailingZeros());
		}

		@Override
		public int compareTo(LineKey other) {
			return ORDER.compare(this, other);
		}

	}

}
