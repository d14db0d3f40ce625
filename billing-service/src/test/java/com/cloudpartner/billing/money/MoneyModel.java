package com.cloudpartner.billing.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.cloudpartner.billing.money.MoneyHistory.Adjustment;
import com.cloudpartner.billing.money.MoneyHistory.Credit;
import com.cloudpartner.billing.money.MoneyHistory.Entitlement;
import com.cloudpartner.billing.money.MoneyHistory.Offer;
import com.cloudpartner.billing.money.MoneyHistory.Price;
import com.cloudpartner.billing.money.MoneyHistory.Repricing;
import com.cloudpartner.billing.money.MoneyHistory.Unit;
import com.cloudpartner.billing.money.MoneyHistory.Usage;
import com.cloudpartner.billing.money.MoneyHistory.Version;

/**
 * The reference model of the money path, written from the rating rules of API.md and the
 * billing guide, not from the production classes: what the usage API answers to each
 * event, what each month costs per customer, SKU and meter, and what each invoice
 * charges. It works hour by hour (day by day, event by event) where the service works on
 * roll-ups and parts, so that the two agree only if the service is right.
 *
 * <p>
 * The rules it holds the service to:
 * <ul>
 * <li>usage is refused when its entitlement ended (cancelled, transferred away) before
 * the usage's first hour (day, window) starts, or when no price of its offer (of its SKU
 * when the offer prices no such meter) is in force at that start or takes effect before
 * that first period ends;</li>
 * <li>each started hour (day) a resource was billable counts once, priced with the
 * entitlement's offer and the price version in force at the hour's (day's) start, the
 * supply discount in force then; quantities are priced at their window's start;</li>
 * <li>per resource and month: all hours of the month -> the monthly price (of the version
 * of the last hour); else min(sum, monthly price); the cost is the discounted sum scaled
 * to the capped amount;</li>
 * <li>customer cost from the customer's config in force for the month (first matching SKU
 * group override), on list or on cost; lines rounded HALF_UP; VAT 10% after credits,
 * rounded down; credits oldest first up to the subtotal; late usage as the difference on
 * the next invoice.</li>
 * </ul>
 */
public final class MoneyModel {

	private static final MathContext EXACT = MathContext.DECIMAL128;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private static final BigDecimal VAT = BigDecimal.TEN;

	public static final String NO_PRICE = "NO_PRICE_IN_EFFECT";

	public static final String NOT_ACTIVE = "ENTITLEMENT_NOT_ACTIVE_AT_WINDOW";

	private final MoneyHistory history;

	private final ZoneId zone;

	public MoneyModel(MoneyHistory history) {
		this.history = history;
		this.zone = history.zone();
	}

	// --- the usage API ---

	/**
	 * The stable code the API refuses an event with, or {@code null} if it accepts it.
	 */
	public String refusal(Usage usage) {
		if (usage.quantity().signum() == 0) {
			return null;
		}
		Instant start = periodStart(usage.unit(), usage.start());
		Version version = version(usage.accountId(), usage.entitlementId(), start);
		if (version != null && isEnded(version) && !version.from().isAfter(start)) {
			return NOT_ACTIVE;
		}
		String offer = (version != null) ? version.offer() : null;
		Instant firstEnd = periodEnd(usage.unit(), start, usage.end());
		return (price(offer, usage.sku(), usage.meter(), usage.unit(), start, firstEnd) == null) ? NO_PRICE : null;
	}

	/**
	 * What the API answers to a batch.
	 * @param recorded identities the platform recorded before (updated with the batch's)
	 */
	public BatchAnswer answer(List<Usage> batch, Set<String> recorded) {
		int accepted = 0;
		int duplicates = 0;
		Map<String, String> rejected = new LinkedHashMap<>();
		for (Usage usage : batch) {
			String refusal = refusal(usage);
			if (refusal != null) {
				rejected.put(usage.id(), refusal);
			}
			else if (recorded.add(usage.identity())) {
				accepted++;
			}
			else {
				duplicates++;
			}
		}
		return new BatchAnswer(accepted, duplicates, rejected);
	}

	/** The distinct usage the platform keeps of these events (first copies, accepted). */
	public List<Usage> kept(Collection<Usage> sent) {
		Map<String, Usage> kept = new LinkedHashMap<>();
		for (Usage usage : sent) {
			if (refusal(usage) == null) {
				kept.putIfAbsent(usage.identity(), usage);
			}
		}
		return new ArrayList<>(kept.values());
	}

	// --- rating ---

	/** An account's month from the kept usage. */
	public Rated rate(String accountId, YearMonth month, Collection<Usage> kept) {
		Instant monthStart = month.atDay(1).atStartOfDay(this.zone).toInstant();
		Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
		// per item (customer, resource, SKU, meter): period start -> usage of that period
		Map<String, Item> items = new TreeMap<>();
		for (Usage usage : kept) {
			if (!usage.accountId().equals(accountId) || usage.quantity().signum() == 0) {
				continue;
			}
			String key = usage.customerId() + "|" + usage.resource() + "|" + usage.sku() + "|" + usage.meter();
			Item item = items.computeIfAbsent(key,
					(k) -> new Item(usage.customerId(), usage.sku(), usage.meter(), usage.unit()));
			if (usage.unit().periodic()) {
				for (Instant period : periods(usage)) {
					if (!period.isBefore(monthStart) && period.isBefore(monthEnd)) {
						item.periods.putIfAbsent(period, usage.entitlementId());
					}
				}
			}
			else if (!usage.start().isBefore(monthStart) && usage.start().isBefore(monthEnd)) {
				item.quantities.add(usage);
			}
		}
		Map<String, Line> lines = new TreeMap<>();
		for (Item item : items.values()) {
			Amounts amounts = item.unit.periodic() ? ratePeriods(accountId, month, item)
					: rateQuantities(accountId, item);
			if (amounts == null) {
				continue;
			}
			BigDecimal customerCost = customerCost(accountId, item.customerId, item.sku, month, amounts);
			String key = item.customerId + "|" + item.sku + "|" + item.meter;
			lines.merge(key, new Line(item.customerId, item.sku, item.meter, amounts.units, amounts.costAtList,
					amounts.cost, customerCost), Line::plus);
		}
		Map<String, Line> rounded = new TreeMap<>();
		lines.forEach((key, line) -> rounded.put(key, line.rounded()));
		return new Rated(rounded);
	}

	/**
	 * An account's month as if only the usage that started before an instant existed: of
	 * the kept usage, the hours (days) that start before it and the quantities whose
	 * window starts before it. A day's charges are the differences of this at the ends of
	 * consecutive days (decision 0055).
	 */
	public Rated rateThrough(String accountId, YearMonth month, Collection<Usage> kept, Instant through) {
		List<Usage> started = new ArrayList<>();
		for (Usage usage : kept) {
			if (!usage.start().isBefore(through)) {
				continue;
			}
			boolean cut = usage.unit().periodic() && usage.end().isAfter(through);
			started.add(cut ? new Usage(usage.id(), usage.source(), usage.accountId(), usage.customerId(),
					usage.entitlementId(), usage.resource(), usage.sku(), usage.meter(), usage.unit(), usage.quantity(),
					usage.start(), through, usage.wave()) : usage);
		}
		return rate(accountId, month, started);
	}

	/**
	 * The last day of the month on which kept usage of the account (of one customer of
	 * it) starts (an hour or day it was billable, a quantity's window), or {@code null}
	 * without any: usage reported ahead of time extends the daily views through it.
	 * @param customerId a customer, or {@code null} for the whole account
	 */
	public LocalDate lastUsageDay(String accountId, String customerId, YearMonth month, Collection<Usage> kept) {
		LocalDate last = null;
		for (Usage usage : kept) {
			if (!usage.accountId().equals(accountId) || usage.quantity().signum() == 0
					|| (customerId != null && !usage.customerId().equals(customerId))) {
				continue;
			}
			List<Instant> starts = usage.unit().periodic() ? periods(usage) : List.of(usage.start());
			for (Instant start : starts) {
				LocalDate day = start.atZone(this.zone).toLocalDate();
				if (YearMonth.from(day).equals(month) && (last == null || day.isAfter(last))) {
					last = day;
				}
			}
		}
		return last;
	}

	private Amounts ratePeriods(String accountId, YearMonth month, Item item) {
		if (item.periods.isEmpty()) {
			return null;
		}
		BigDecimal gross = BigDecimal.ZERO;
		BigDecimal grossCost = BigDecimal.ZERO;
		Set<BigDecimal> discounts = new TreeSet<>();
		Price last = null;
		for (Map.Entry<Instant, String> period : item.periods.entrySet()) {
			Instant start = period.getKey();
			String offer = offerAt(accountId, period.getValue(), start);
			Price price = price(offer, item.sku, item.meter, item.unit, start, periodEnd(item.unit, start, null));
			if (price == null) {
				throw new IllegalStateException("the model accepted usage it cannot price: " + item + " at " + start);
			}
			BigDecimal discount = discountAt(accountId, start);
			discounts.add(discount.stripTrailingZeros());
			gross = gross.add(price.listPrice());
			grossCost = grossCost.add(price.listPrice().multiply(keep(discount)));
			last = price;
		}
		BigDecimal units = BigDecimal.valueOf(item.periods.size());
		BigDecimal costAtList = gross;
		if (last.monthlyPrice() != null) {
			long inMonth = (item.unit == Unit.HOUR) ? ChronoUnit.HOURS.between(month.atDay(1).atStartOfDay(this.zone),
					month.plusMonths(1).atDay(1).atStartOfDay(this.zone)) : month.lengthOfMonth();
			costAtList = (item.periods.size() >= inMonth) ? last.monthlyPrice() : gross.min(last.monthlyPrice());
		}
		BigDecimal cost;
		if (discounts.size() == 1) {
			cost = costAtList.multiply(keep(discounts.iterator().next()));
		}
		else {
			cost = (costAtList.compareTo(gross) == 0) ? grossCost : grossCost.multiply(costAtList).divide(gross, EXACT);
		}
		return new Amounts(units, costAtList, cost);
	}

	private Amounts rateQuantities(String accountId, Item item) {
		if (item.quantities.isEmpty()) {
			return null;
		}
		BigDecimal units = BigDecimal.ZERO;
		BigDecimal costAtList = BigDecimal.ZERO;
		BigDecimal cost = BigDecimal.ZERO;
		for (Usage usage : item.quantities) {
			String offer = offerAt(accountId, usage.entitlementId(), usage.start());
			Price price = price(offer, usage.sku(), usage.meter(), usage.unit(), usage.start(), usage.end());
			BigDecimal atList = usage.quantity().multiply(price.listPrice());
			units = units.add(usage.quantity());
			costAtList = costAtList.add(atList);
			cost = cost.add(atList.multiply(keep(discountAt(accountId, usage.start()))));
		}
		return new Amounts(units, costAtList, cost);
	}

	private BigDecimal customerCost(String accountId, String customerId, String sku, YearMonth month, Amounts amounts) {
		Repricing config = this.history.repricings()
			.stream()
			.filter((r) -> r.accountId().equals(accountId) && r.customerId().equals(customerId)
					&& !r.effectiveMonth().isAfter(month))
			.max(Comparator.comparing(Repricing::effectiveMonth))
			.orElse(null);
		if (config == null) {
			return amounts.costAtList;
		}
		String basis = config.basis();
		BigDecimal percent = config.adjustmentPercent();
		for (MoneyHistory.SkuGroup override : config.overrides()) {
			if (override.matches(sku)) {
				basis = override.basis();
				percent = override.adjustmentPercent();
				break;
			}
		}
		BigDecimal base = basis.equals("DIRECT_CUSTOMER_COST") ? amounts.cost : amounts.costAtList;
		return base.multiply(BigDecimal.ONE.add(percent.divide(HUNDRED)));
	}

	// --- invoices ---

	/**
	 * The invoices of an account for the month and the next one.
	 * @param sent every event sent, in order, each with its wave
	 */
	public List<Invoice> invoices(String accountId, List<Usage> sent) {
		YearMonth month = this.history.month();
		List<Usage> beforeRun = kept(sent.stream().filter((u) -> u.wave() < 2).toList());
		List<Usage> all = kept(sent);
		Rated billed = rate(accountId, month, beforeRun);
		List<InvoiceLine> first = new ArrayList<>(billed.regular(month));
		adjustments(accountId, false).forEach(first::add);
		Map<Credit, BigDecimal> remaining = new LinkedHashMap<>();
		this.history.credits()
			.stream()
			.filter((c) -> c.accountId().equals(accountId))
			.sorted(Comparator.comparing(Credit::grantedAt))
			.forEach((c) -> remaining.put(c, c.amount()));
		Instant firstRun = this.history.monthEnd().plusSeconds(300);
		Invoice firstInvoice = invoice(month, first, remaining, firstRun);

		YearMonth next = month.plusMonths(1);
		List<InvoiceLine> second = new ArrayList<>(rate(accountId, next, all).regular(next));
		Rated rerated = rate(accountId, month, all);
		Set<String> keys = new TreeSet<>(rerated.lines().keySet());
		// a month that was not invoiced (nothing to charge at its run) has its late usage
		// charged in full on the next invoice
		keys.addAll(billed.lines().keySet());
		for (String key : keys) {
			Line now = rerated.lines().getOrDefault(key, Line.NONE);
			Line before = billed.lines().getOrDefault(key, Line.NONE);
			Line difference = now.minus(before);
			if (difference.costAtList.signum() != 0 || difference.cost.signum() != 0
					|| difference.customerCost.signum() != 0) {
				String[] parts = key.split("\\|", -1);
				second.add(new InvoiceLine("USAGE_CORRECTION", month, parts[0], parts[1], parts[2], difference.quantity,
						difference.costAtList, difference.cost, difference.customerCost));
			}
		}
		adjustments(accountId, true).forEach(second::add);
		Instant secondRun = next.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant().plusSeconds(300);
		Invoice secondInvoice = invoice(next, second, remaining, secondRun);
		List<Invoice> invoices = new ArrayList<>();
		invoices.add(firstInvoice);
		invoices.add(secondInvoice);
		return invoices;
	}

	private List<InvoiceLine> adjustments(String accountId, boolean afterRun) {
		return this.history.adjustments()
			.stream()
			.filter((a) -> a.accountId().equals(accountId) && a.afterRun() == afterRun)
			.map((a) -> new InvoiceLine("ADJUSTMENT", this.history.month(), null, null, null, null, BigDecimal.ZERO,
					a.amount().setScale(0, RoundingMode.HALF_UP), BigDecimal.ZERO))
			.toList();
	}

	private static Invoice invoice(YearMonth month, List<InvoiceLine> lines, Map<Credit, BigDecimal> remaining,
			Instant runAt) {
		if (lines.isEmpty()) {
			return new Invoice(month, false, lines, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
		}
		BigDecimal subtotal = lines.stream().map(InvoiceLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal room = subtotal.max(BigDecimal.ZERO);
		BigDecimal credits = BigDecimal.ZERO;
		for (Map.Entry<Credit, BigDecimal> credit : remaining.entrySet()) {
			Credit c = credit.getKey();
			boolean usable = !c.grantedAt().isAfter(runAt) && (c.expireTime() == null || c.expireTime().isAfter(runAt));
			if (!usable || credit.getValue().signum() <= 0 || room.signum() <= 0) {
				continue;
			}
			BigDecimal used = credit.getValue().min(room);
			credit.setValue(credit.getValue().subtract(used));
			room = room.subtract(used);
			credits = credits.add(used);
		}
		BigDecimal taxable = subtotal.subtract(credits).max(BigDecimal.ZERO);
		BigDecimal tax = taxable.multiply(VAT).divide(HUNDRED).setScale(0, RoundingMode.DOWN);
		return new Invoice(month, true, lines, subtotal, credits, tax, subtotal.subtract(credits).add(tax));
	}

	// --- the catalog, entitlements and contracts in time ---

	/**
	 * The price of a meter for usage starting at {@code at} whose first period ends at
	 * {@code firstEnd}: the offer's versions when it prices the meter, else the SKU's;
	 * the version in force at {@code at}, else the first that takes effect before
	 * {@code firstEnd}; only versions effective before the month of {@code at} ends.
	 */
	Price price(String offer, String sku, String meter, Unit unit, Instant at, Instant firstEnd) {
		LocalDate day = at.atZone(this.zone).toLocalDate();
		Instant monthEnd = YearMonth.from(day).plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
		List<Offer> candidates = this.history.offers()
			.stream()
			.filter((o) -> o.meter().equals(meter) && o.unit() == unit && o.offer().equals(offer))
			.toList();
		if (candidates.isEmpty()) {
			candidates = this.history.offers()
				.stream()
				.filter((o) -> o.meter().equals(meter) && o.unit() == unit && o.sku().equals(sku))
				.toList();
		}
		Price inForce = null;
		Price first = null;
		for (Offer candidate : candidates) {
			for (Price price : candidate.versions()) {
				if (!price.from().isBefore(monthEnd)) {
					continue;
				}
				if (!price.from().isAfter(at) && (inForce == null || price.from().isAfter(inForce.from()))) {
					inForce = price;
				}
				if (price.from().isBefore(firstEnd) && (first == null || price.from().isBefore(first.from()))) {
					first = price;
				}
			}
		}
		return (inForce != null) ? inForce : first;
	}

	private Version version(String accountId, String entitlementId, Instant at) {
		for (Entitlement entitlement : this.history.entitlements()) {
			if (entitlement.accountId().equals(accountId) && entitlement.entitlementId().equals(entitlementId)) {
				Version inForce = entitlement.versions().getFirst();
				for (Version version : entitlement.versions()) {
					if (!version.from().isAfter(at)) {
						inForce = version;
					}
				}
				return inForce;
			}
		}
		return null;
	}

	private String offerAt(String accountId, String entitlementId, Instant at) {
		Version version = version(accountId, entitlementId, at);
		return (version != null) ? version.offer() : null;
	}

	private static boolean isEnded(Version version) {
		return version.state().equals("CANCELLED") || version.state().equals("TRANSFERRED");
	}

	private BigDecimal discountAt(String accountId, Instant at) {
		MoneyHistory.Partner partner = this.history.partners()
			.stream()
			.filter((p) -> p.accountId().equals(accountId))
			.findFirst()
			.orElseThrow();
		BigDecimal percent = partner.discounts().getFirst().percent();
		for (MoneyHistory.Discount discount : partner.discounts()) {
			if (!discount.from().isAfter(at)) {
				percent = discount.percent();
			}
		}
		return percent;
	}

	private static BigDecimal keep(BigDecimal discountPercent) {
		return BigDecimal.ONE.subtract(discountPercent.divide(HUNDRED));
	}

	/** The start of each hour (day) the usage's window touches, in the billing zone. */
	List<Instant> periods(Usage usage) {
		List<Instant> periods = new ArrayList<>();
		Instant period = periodStart(usage.unit(), usage.start());
		while (period.isBefore(usage.end())) {
			periods.add(period);
			period = periodEnd(usage.unit(), period, null);
		}
		return periods;
	}

	Instant periodStart(Unit unit, Instant at) {
		return switch (unit) {
			case HOUR -> at.atZone(this.zone).truncatedTo(ChronoUnit.HOURS).toInstant();
			case DAY -> at.atZone(this.zone).toLocalDate().atStartOfDay(this.zone).toInstant();
			default -> at;
		};
	}

	Instant periodEnd(Unit unit, Instant start, Instant windowEnd) {
		return switch (unit) {
			case HOUR -> start.atZone(this.zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
			case DAY -> start.atZone(this.zone).toLocalDate().plusDays(1).atStartOfDay(this.zone).toInstant();
			default -> windowEnd;
		};
	}

	// --- results ---

	/** The API's answer to a batch: counts and the refused ids with their codes. */
	public record BatchAnswer(int accepted, int duplicates, Map<String, String> rejected) {
	}

	/** A rated month: lines keyed by customer, SKU and meter. */
	public record Rated(Map<String, Line> lines) {

		public BigDecimal total(java.util.function.Function<Line, BigDecimal> amount) {
			return this.lines.values().stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		}

		List<InvoiceLine> regular(YearMonth month) {
			return this.lines.values()
				.stream()
				.map((l) -> new InvoiceLine("REGULAR", month, l.customerId(), l.sku(), l.meter(), l.quantity(),
						l.costAtList(), l.cost(), l.customerCost()))
				.toList();
		}

	}

	/** A line of a month: exact while summed, rounded once. */
	public record Line(String customerId, String sku, String meter, BigDecimal quantity, BigDecimal costAtList,
			BigDecimal cost, BigDecimal customerCost) {

		static final Line NONE = new Line(null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
				BigDecimal.ZERO);

		Line plus(Line other) {
			return new Line(this.customerId, this.sku, this.meter, this.quantity.add(other.quantity),
					this.costAtList.add(other.costAtList), this.cost.add(other.cost),
					this.customerCost.add(other.customerCost));
		}

		Line minus(Line other) {
			return new Line(this.customerId, this.sku, this.meter, this.quantity.subtract(other.quantity),
					this.costAtList.subtract(other.costAtList), this.cost.subtract(other.cost),
					this.customerCost.subtract(other.customerCost));
		}

		Line rounded() {
			return new Line(this.customerId, this.sku, this.meter, this.quantity,
					this.costAtList.setScale(0, RoundingMode.HALF_UP), this.cost.setScale(0, RoundingMode.HALF_UP),
					this.customerCost.setScale(0, RoundingMode.HALF_UP));
		}

	}

	/** An expected invoice line. */
	public record InvoiceLine(String type, YearMonth usageMonth, String customerId, String sku, String meter,
			BigDecimal quantity, BigDecimal costAtList, BigDecimal cost, BigDecimal customerCost) {
	}

	/** An expected invoice; {@code issued} false when the run has nothing to charge. */
	public record Invoice(YearMonth month, boolean issued, List<InvoiceLine> lines, BigDecimal subtotal,
			BigDecimal credits, BigDecimal tax, BigDecimal total) {
	}

	private record Amounts(BigDecimal units, BigDecimal costAtList, BigDecimal cost) {
	}

	private static final class Item {

		final String customerId;

		final String sku;

		final String meter;

		final Unit unit;

		final TreeMap<Instant, String> periods = new TreeMap<>();

		final List<Usage> quantities = new ArrayList<>();

		Item(String customerId, String sku, String meter, Unit unit) {
			this.customerId = customerId;
			this.sku = sku;
			this.meter = meter;
			this.unit = unit;
		}

		@Override
		public String toString() {
			return this.customerId + " " + this.sku + " " + this.meter;
		}

	}

}
