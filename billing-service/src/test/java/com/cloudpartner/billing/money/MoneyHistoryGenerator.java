package com.cloudpartner.billing.money;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.cloudpartner.billing.money.MoneyHistory.Adjustment;
import com.cloudpartner.billing.money.MoneyHistory.Credit;
import com.cloudpartner.billing.money.MoneyHistory.Discount;
import com.cloudpartner.billing.money.MoneyHistory.Entitlement;
import com.cloudpartner.billing.money.MoneyHistory.Offer;
import com.cloudpartner.billing.money.MoneyHistory.Partner;
import com.cloudpartner.billing.money.MoneyHistory.Price;
import com.cloudpartner.billing.money.MoneyHistory.Repricing;
import com.cloudpartner.billing.money.MoneyHistory.Unit;
import com.cloudpartner.billing.money.MoneyHistory.Usage;
import com.cloudpartner.billing.money.MoneyHistory.Version;

/**
 * Random but valid months: offers created and repriced inside the month, a supply
 * discount changed inside it, customer repricing configs of both bases and several
 * effective months, change-offer, suspend/activate, cancel and a transfer to another
 * partner with a cut-over, hourly, daily, GB and COUNT meters, a resize, usage sent
 * twice, out of order and late (after the month's run), usage from before its price or
 * after its entitlement ended (which the API must refuse), credits and adjustments. The
 * same seed gives the same history; the tag keeps the accounts of one execution apart
 * from any other's.
 */
public final class MoneyHistoryGenerator {

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");

	private static final String SOURCE = "//metering.example/model";

	private final long seed;

	private final String tag;

	private final Random random;

	private YearMonth month;

	private Instant start;

	private Instant end;

	private final List<Usage> usage = new ArrayList<>();

	private int ids;

	public MoneyHistoryGenerator(long seed, String tag) {
		this.seed = seed;
		this.tag = tag;
		// consecutive seeds would start alike in java.util.Random: spread them first
		this.random = new Random(new java.util.SplittableRandom(seed).nextLong());
	}

	public MoneyHistory generate() {
		this.month = YearMonth.of(2031 + this.random.nextInt(60), 1 + this.random.nextInt(12));
		this.start = this.month.atDay(1).atStartOfDay(SEOUL).toInstant();
		this.end = this.month.plusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant();
		String a = "mp-" + this.tag + "-a";
		String b = "mp-" + this.tag + "-b";
		boolean withB = this.random.nextInt(10) < 6;
		List<Partner> partners = new ArrayList<>();
		partners.add(new Partner(a, discounts(this.random.nextInt(10) < 4)));
		if (withB) {
			partners.add(new Partner(b, discounts(this.random.nextInt(10) < 2)));
		}

		String p = "products/" + this.tag;
		Offer server = offer("server", p + "-server/skus/std", "vm-hours", Unit.HOUR, pick("45", "40", "12.5", "90"),
				pick("30000", "20000", "12345"), 25, 35);
		Offer large = offer("server-large", p + "-server/skus/large", "vm-hours", Unit.HOUR, "90", "60000", 0, 20);
		Offer licenceA = offer("office-a", p + "-office/skus/std", "seat-days", Unit.DAY, "1000", "25000", 0, 20);
		Offer licenceB = offer("office-b", p + "-office/skus/std", "seat-days", Unit.DAY, "700", "18000", 30, 0);
		Offer disk = offer("disk", p + "-disk/skus/ssd", "disk-gb", Unit.GB, pick("0.5", "12.5", "3"), null, 20, 30);
		Offer requests = offer("lb", p + "-lb/skus/std", "requests", Unit.COUNT, pick("0.004", "0.1", "2"), null, 0,
				20);
		Offer iaas = new Offer("offers/" + this.tag + "-iaas", p + "-iaas/skus/payg", "account-months", Unit.MONTH,
				List.of(new Price(LONG_AGO, BigDecimal.ZERO, null, LONG_AGO)));
		List<Offer> offers = List.of(server, large, licenceA, licenceB, disk, requests, iaas);

		List<Entitlement> entitlements = new ArrayList<>();
		List<Repricing> repricings = new ArrayList<>();
		int customers = 2 + this.random.nextInt(2);
		Instant transferAt = (withB && this.random.nextInt(10) < 6) ? within(3, 3) : null;
		for (int c = 1; c <= customers; c++) {
			String customer = "c" + c;
			boolean transferred = transferAt != null && c == 2;
			Entitlement iaasEntitlement = iaasEntitlement(a, customer, iaas.offer(), transferred ? transferAt : null);
			entitlements.add(iaasEntitlement);
			Entitlement target = null;
			if (transferred) {
				target = new Entitlement(b, "c2b", "e-iaas-c2b",
						List.of(new Version(transferAt, iaas.offer(), "ACTIVE", "entitlement.transferred", 10)),
						new String[] { a, "e-iaas-" + customer });
				entitlements.add(target);
				repricings.addAll(repricings(b, "c2b", p));
			}
			repricings.addAll(repricings(a, customer, p));
			servers(iaasEntitlement, target, transferAt, server, large, c == 1);
			disks(iaasEntitlement, target, transferAt, disk);
			if (this.random.nextBoolean()) {
				requests(iaasEntitlement, requests);
			}
			if (this.random.nextBoolean()) {
				Entitlement licence = licenceEntitlement(a, customer, licenceA.offer(), licenceB);
				entitlements.add(licence);
				licenceDays(licence, licenceA.sku());
			}
		}
		if (withB) {
			// B's own customer: sometimes with usage only after the month's run (late for
			// a month that had nothing to invoice)
			Entitlement own = iaasEntitlement(b, "b1", iaas.offer(), null);
			entitlements.add(own);
			repricings.addAll(repricings(b, "b1", p));
			boolean lateOnly = this.random.nextInt(10) < 3;
			hours(own, null, null, server, this.start.plus(Duration.ofHours(this.random.nextInt(200))),
					1 + this.random.nextInt(100), lateOnly ? 2 : 0, "b-srv");
		}
		late(entitlements, server, disk);
		repeats();
		return new MoneyHistory(this.seed, this.month, SEOUL, partners, offers, entitlements, repricings,
				List.copyOf(this.usage), credits(a), adjustments(a, withB ? b : null), this.random.nextBoolean());
	}

	private List<Discount> discounts(boolean changes) {
		List<Discount> discounts = new ArrayList<>();
		discounts.add(new Discount(Instant.EPOCH, new BigDecimal(pick("0", "10", "20", "25", "12.5")), Instant.EPOCH));
		if (changes) {
			Instant from = within(1, 1);
			discounts.add(new Discount(from, new BigDecimal(pick("15", "30", "22.5")), published(from)));
		}
		return discounts;
	}

	/**
	 * An offer priced since long ago or first priced inside the month (percent chance),
	 * repriced inside the month (percent chance).
	 */
	private Offer offer(String name, String sku, String meter, Unit unit, String price, String monthly,
			int createdInMonth, int repriced) {
		List<Price> versions = new ArrayList<>();
		Instant first = (this.random.nextInt(100) < createdInMonth) ? within(0, 20) : LONG_AGO;
		versions.add(new Price(first, new BigDecimal(price), (monthly != null) ? new BigDecimal(monthly) : null,
				published(first)));
		if (this.random.nextInt(100) < repriced) {
			Instant from = first.isBefore(this.start) ? within(1, 2) : between(first.plusSeconds(3600), this.end);
			BigDecimal newPrice = new BigDecimal(price).multiply(new BigDecimal(pick("1.2", "0.8", "1.5")));
			versions.add(new Price(from, newPrice,
					(monthly != null) ? new BigDecimal(monthly).add(new BigDecimal(pick("5000", "-3000", "0"))) : null,
					published(from)));
		}
		return new Offer("offers/" + this.tag + "-" + name, sku, meter, unit, versions);
	}

	private Entitlement iaasEntitlement(String account, String customer, String offer, Instant transferredAt) {
		List<Version> versions = new ArrayList<>();
		versions.add(new Version(LONG_AGO, offer, "ACTIVE", "entitlement.created", 10));
		if (this.random.nextInt(10) < 3) {
			Instant suspended = within(2, 10);
			Instant activated = between(suspended.plusSeconds(3600), suspended.plus(Duration.ofDays(5)));
			if (transferredAt == null || activated.isBefore(transferredAt)) {
				versions.add(new Version(suspended, offer, "SUSPENDED", "entitlement.suspended", 10));
				versions.add(new Version(activated, offer, "ACTIVE", "entitlement.activated", 10));
			}
		}
		Instant until = (transferredAt != null) ? transferredAt : this.end;
		changeParameters(versions, until);
		if (transferredAt != null) {
			versions.add(new Version(transferredAt, offer, "TRANSFERRED", "entitlement.transferred",
					versions.getLast().maxUnits()));
		}
		return new Entitlement(account, customer, "e-iaas-" + customer, versions, null);
	}

	/**
	 * A licence on offer A, maybe changed to offer B (once B is published: no offer is
	 * sold before it has a price), maybe cancelled.
	 */
	private Entitlement licenceEntitlement(String account, String customer, String offerA, Offer offerB) {
		List<Version> versions = new ArrayList<>();
		versions.add(new Version(LONG_AGO, offerA, "ACTIVE", "entitlement.created", 5));
		Instant last = this.start;
		if (this.random.nextInt(10) < 4) {
			last = within(2, 8);
			Instant published = offerB.versions().getFirst().from();
			if (!last.isAfter(published)) {
				last = published.plus(Duration.ofMinutes(1 + this.random.nextInt(600)));
			}
			versions.add(new Version(last, offerB.offer(), "ACTIVE", "entitlement.changed", 5));
		}
		Instant cancel = (this.random.nextInt(10) < 3)
				? between(last.plus(Duration.ofDays(1)), this.end.minus(Duration.ofDays(1))) : null;
		changeParameters(versions, (cancel != null) ? cancel : this.end);
		if (cancel != null) {
			Version lastVersion = versions.getLast();
			versions.add(new Version(cancel, lastVersion.offer(), "CANCELLED", "entitlement.cancelled",
					lastVersion.maxUnits()));
		}
		return new Entitlement(account, customer, "e-lic-" + customer, versions, null);
	}

	/**
	 * Sometimes a change-parameters (another {@code maxUnits}, the same offer and state)
	 * inside the month, before {@code until}: billing must price nothing differently.
	 */
	private void changeParameters(List<Version> versions, Instant until) {
		if (this.random.nextInt(10) >= 3 || !until.isAfter(this.start.plus(Duration.ofDays(2)))) {
			return;
		}
		Instant at = between(this.start.plus(Duration.ofDays(1)), until.minus(Duration.ofHours(2)));
		Version before = versions.getFirst();
		int index = 0;
		for (int i = 0; i < versions.size(); i++) {
			if (!versions.get(i).from().isAfter(at)) {
				before = versions.get(i);
				index = i + 1;
			}
		}
		if (index < versions.size() && versions.get(index).from().equals(at)) {
			return;
		}
		int maxUnits = before.maxUnits() + 1 + this.random.nextInt(20);
		versions.add(index, new Version(at, before.offer(), before.state(), "entitlement.changed", maxUnits));
		// later events carry the new parameter
		for (int i = index + 1; i < versions.size(); i++) {
			Version later = versions.get(i);
			versions.set(i, new Version(later.from(), later.offer(), later.state(), later.event(), maxUnits));
		}
	}

	private List<Repricing> repricings(String account, String customer, String products) {
		List<Repricing> configs = new ArrayList<>();
		if (this.random.nextBoolean()) {
			configs.add(repricing(account, customer, this.month.minusMonths(this.random.nextInt(2)), products));
		}
		if (this.random.nextInt(10) < 3) {
			configs.add(repricing(account, customer, this.month.plusMonths(1), products));
		}
		return configs;
	}

	private Repricing repricing(String account, String customer, YearMonth effective, String products) {
		List<MoneyHistory.SkuGroup> overrides = new ArrayList<>();
		if (this.random.nextInt(10) < 4) {
			overrides.add(new MoneyHistory.SkuGroup(List.of(), products + "-disk/", basis(), percent()));
		}
		if (this.random.nextInt(10) < 3) {
			overrides.add(new MoneyHistory.SkuGroup(List.of(products + "-server/skus/std"), null, basis(), percent()));
		}
		return new Repricing(account, customer, effective, basis(), percent(), overrides);
	}

	private String basis() {
		return this.random.nextBoolean() ? "COST_AT_LIST" : "DIRECT_CUSTOMER_COST";
	}

	private BigDecimal percent() {
		return new BigDecimal(pick("-10", "0", "5", "10", "12.5", "25"));
	}

	/** One or two servers of the customer, one maybe resized, one maybe all month. */
	private void servers(Entitlement owner, Entitlement target, Instant transferAt, Offer server, Offer large,
			boolean mayResize) {
		int count = 1 + this.random.nextInt(2);
		for (int s = 1; s <= count; s++) {
			long hours = this.random.nextInt(4) == 0 ? Long.MAX_VALUE : 1 + this.random.nextInt(500);
			Instant from = (hours == Long.MAX_VALUE) ? this.start
					: this.start.plus(Duration.ofHours(this.random.nextInt(24 * 27)));
			String resource = "srv-" + s;
			if (mayResize && s == 1 && this.random.nextInt(10) < 3 && hours != Long.MAX_VALUE) {
				long before = Math.max(1, hours / 2);
				hours(owner, target, transferAt, server, from, before, 0, resource);
				hours(owner, target, transferAt, large, from.plus(Duration.ofHours(before)), hours - before, 0,
						resource);
			}
			else {
				hours(owner, target, transferAt, server, from, hours, 0, resource);
			}
		}
	}

	/**
	 * Hourly usage of a server from an hour on for so many hours (to the month's end for
	 * {@code Long.MAX_VALUE}), skipping its entitlement's suspensions, in windows of 1-24
	 * hours, to the transfer's target from the cut-over's next hour on.
	 */
	private void hours(Entitlement owner, Entitlement target, Instant transferAt, Offer offer, Instant from, long hours,
			int wave, String resource) {
		Instant until = (hours == Long.MAX_VALUE) ? this.end : from.plus(Duration.ofHours(Math.min(hours, 24L * 40)));
		if (hours != Long.MAX_VALUE && this.random.nextInt(10) < 8 && until.isAfter(this.end)) {
			until = this.end;
		}
		Instant hour = from.truncatedTo(ChronoUnit.HOURS);
		while (hour.isBefore(until)) {
			int length = 1 + this.random.nextInt(24);
			Instant windowEnd = hour;
			Entitlement holder = holder(owner, target, transferAt, hour);
			for (int i = 0; i < length && windowEnd.isBefore(until); i++) {
				if (!sameRun(owner, target, transferAt, hour, windowEnd)) {
					break;
				}
				windowEnd = windowEnd.plus(Duration.ofHours(1));
			}
			if (windowEnd.equals(hour)) {
				hour = hour.plus(Duration.ofHours(1));
				continue;
			}
			if (!suspended(owner, hour)) {
				Instant windowStart = hour;
				Instant stop = windowEnd;
				if (this.random.nextInt(10) == 0) {
					// a window not on the hour still counts the hours it touches (it
					// starts before half past its first hour, ends after half past its
					// last)
					windowStart = hour.plus(Duration.ofMinutes(1 + this.random.nextInt(29)));
					stop = windowEnd.minus(Duration.ofMinutes(this.random.nextInt(29)));
				}
				emit(holder, resource, offer, BigDecimal.ONE, windowStart, stop, wave);
				if (holder == owner && target != null && this.random.nextInt(40) == 0) {
					// the old partner's metering keeps reporting after the cut-over:
					// refused
					emit(owner, resource, offer, BigDecimal.ONE, transferAt.plus(Duration.ofHours(2)),
							transferAt.plus(Duration.ofHours(3)), wave);
				}
			}
			else if (this.random.nextInt(10) == 0) {
				// a stopped server reports zero: nothing to charge
				emit(holder, resource, offer, BigDecimal.ZERO, hour, windowEnd, wave);
			}
			hour = windowEnd;
		}
	}

	/** Whether two hours have the same holder and suspension state. */
	private boolean sameRun(Entitlement owner, Entitlement target, Instant transferAt, Instant first, Instant hour) {
		return holder(owner, target, transferAt, first) == holder(owner, target, transferAt, hour)
				&& suspended(owner, first) == suspended(owner, hour);
	}

	/** The owner at an hour's start: the old one until the cut-over, then the target. */
	private static Entitlement holder(Entitlement owner, Entitlement target, Instant transferAt, Instant hour) {
		return (target != null && !hour.isBefore(transferAt)) ? target : owner;
	}

	private static boolean suspended(Entitlement entitlement, Instant at) {
		String state = "ACTIVE";
		for (Version version : entitlement.versions()) {
			if (!version.from().isAfter(at)) {
				state = version.state();
			}
		}
		return state.equals("SUSPENDED");
	}

	/**
	 * A disk's GB-hours in windows of a day, through suspensions, split at a transfer.
	 */
	private void disks(Entitlement owner, Entitlement target, Instant transferAt, Offer disk) {
		if (this.random.nextInt(10) < 3) {
			return;
		}
		BigDecimal size = BigDecimal.valueOf(1 + this.random.nextInt(500));
		Instant day = this.start.plus(Duration.ofDays(this.random.nextInt(10)));
		while (day.isBefore(this.end)) {
			Instant next = day.plus(Duration.ofDays(1));
			Entitlement holder = holder(owner, target, transferAt, day);
			if (target != null && day.isBefore(transferAt) && next.isAfter(transferAt)) {
				// split at the hour after the cut-over, each side its share
				Instant cut = transferAt.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
				emit(owner, "disk-1", disk, gbHours(size, day, cut), day, cut, 0);
				if (cut.isBefore(next)) {
					emit(target, "disk-1", disk, gbHours(size, cut, next), cut, next, 0);
				}
			}
			else {
				emit(holder, "disk-1", disk, gbHours(size, day, next), day, next, 0);
			}
			day = next;
		}
	}

	private static BigDecimal gbHours(BigDecimal size, Instant from, Instant to) {
		// GB-months pro rata: size x hours / 720, six decimals
		return size.multiply(BigDecimal.valueOf(Duration.between(from, to).toHours()))
			.divide(BigDecimal.valueOf(720), 6, java.math.RoundingMode.HALF_UP);
	}

	private void requests(Entitlement owner, Offer requests) {
		int count = 1 + this.random.nextInt(8);
		for (int i = 0; i < count; i++) {
			Instant from = this.start.plus(Duration.ofHours(this.random.nextInt(24 * 28)));
			emit(owner, "lb-1", requests, BigDecimal.valueOf(1 + this.random.nextInt(100000)), from,
					from.plus(Duration.ofHours(1)), 0);
		}
	}

	/** Seat-days of a licence in windows of 1-7 days, and a report after its cancel. */
	private void licenceDays(Entitlement licence, String sku) {
		Instant cancelled = licence.versions()
			.stream()
			.filter((v) -> v.state().equals("CANCELLED"))
			.map(Version::from)
			.findFirst()
			.orElse(null);
		Instant until = (cancelled != null) ? cancelled : this.end;
		Instant day = this.start.plus(Duration.ofDays(this.random.nextInt(5)));
		Offer offer = new Offer(null, sku, "seat-days", Unit.DAY, List.of());
		while (day.isBefore(until)) {
			Instant next = day.plus(Duration.ofDays(1 + this.random.nextInt(7)));
			if (next.isAfter(until)) {
				next = until;
			}
			emit(licence, "licence", offer, BigDecimal.valueOf(1 + this.random.nextInt(5)), day, next, 0);
			day = next;
		}
		if (cancelled != null && cancelled.plus(Duration.ofDays(2)).isBefore(this.end)) {
			Instant after = cancelled.atZone(SEOUL).toLocalDate().plusDays(1).atStartOfDay(SEOUL).toInstant();
			emit(licence, "licence", offer, BigDecimal.ONE, after, after.plus(Duration.ofDays(1)), 0);
		}
	}

	/**
	 * Late usage, sent after the month's run: new hours of the month, a day of disk, a
	 * copy of an event already charged, and hours of the next month.
	 */
	private void late(List<Entitlement> entitlements, Offer server, Offer disk) {
		Entitlement first = entitlements.getFirst();
		if (this.random.nextBoolean()) {
			Instant from = this.end.minus(Duration.ofHours(1 + this.random.nextInt(100)));
			hours(first, null, null, server, from, 1 + this.random.nextInt(20), 2, "late-srv");
		}
		if (this.random.nextBoolean()) {
			Instant day = this.start.plus(Duration.ofDays(this.random.nextInt(28)));
			emit(first, "late-disk", disk, new BigDecimal("1.5"), day, day.plus(Duration.ofDays(1)), 2);
		}
		hours(first, null, null, server, this.end.plus(Duration.ofHours(this.random.nextInt(24))),
				1 + this.random.nextInt(60), 2, "next-srv");
	}

	/**
	 * Sends some events twice: in the same batch as the first copy (wave 0), after the
	 * first was consumed (wave 1), or after the month's run (wave 2).
	 */
	private void repeats() {
		List<Usage> originals = List.copyOf(this.usage);
		for (Usage original : originals) {
			if (this.random.nextInt(100) < 8) {
				int wave = Math.max(original.wave(), this.random.nextInt(3));
				this.usage.add(new Usage(original.id(), original.source(), original.accountId(), original.customerId(),
						original.entitlementId(), original.resource(), original.sku(), original.meter(),
						original.unit(), original.quantity(), original.start(), original.end(), wave));
			}
		}
	}

	private List<Credit> credits(String account) {
		List<Credit> credits = new ArrayList<>();
		int count = this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			Instant expire = switch (this.random.nextInt(3)) {
				case 0 -> null;
				case 1 -> this.end.plus(Duration.ofDays(10));
				default -> this.end.plus(Duration.ofDays(90));
			};
			credits.add(new Credit(account, pick("PROMOTION", "GOODWILL"),
					BigDecimal.valueOf(100 + this.random.nextInt(30000)),
					this.start.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(i)), expire));
		}
		return credits;
	}

	private List<Adjustment> adjustments(String a, String b) {
		List<Adjustment> adjustments = new ArrayList<>();
		int count = this.random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String account = (b != null && this.random.nextInt(4) == 0) ? b : a;
			adjustments.add(new Adjustment(account, pick("PRICE_CORRECTION", "GOODWILL", "SLA_VIOLATION"),
					new BigDecimal(pick("-1500", "500", "-20", "3000")), this.random.nextBoolean()));
		}
		return adjustments;
	}

	private void emit(Entitlement entitlement, String resource, Offer offer, BigDecimal quantity, Instant from,
			Instant to, int wave) {
		String subject = "accounts/" + entitlement.accountId() + "/customers/" + entitlement.customerId() + "/"
				+ (offer.unit() == Unit.DAY ? "licences/" : "resources/") + resource;
		this.usage.add(new Usage("u-" + this.seed + "-" + (this.ids++), SOURCE, entitlement.accountId(),
				entitlement.customerId(), entitlement.entitlementId(), subject, offer.sku(), offer.meter(),
				offer.unit(), quantity, from, to, wave));
	}

	/**
	 * When a change effective at {@code from} is told: before the month for what was in
	 * force already; else at {@code from}, or announced up to five days ahead (never
	 * before the month starts).
	 */
	private Instant published(Instant from) {
		if (from.isBefore(this.start) || this.random.nextInt(10) < 6) {
			return from;
		}
		Instant earliest = from.minus(Duration.ofDays(5));
		earliest = earliest.isBefore(this.start) ? this.start : earliest;
		long minutes = Duration.between(earliest, from).toMinutes();
		return (minutes <= 0) ? from : from.minus(Duration.ofMinutes((long) (this.random.nextDouble() * minutes)));
	}

	/**
	 * An instant inside the month, at least so many days after its start and before its
	 * end.
	 */
	private Instant within(int afterStartDays, int beforeEndDays) {
		return between(this.start.plus(Duration.ofDays(afterStartDays)),
				this.end.minus(Duration.ofDays(beforeEndDays)));
	}

	/** A random minute between two instants; on the hour half of the time. */
	private Instant between(Instant from, Instant to) {
		long minutes = Math.max(1, Duration.between(from, to).toMinutes());
		Instant at = from.plus(Duration.ofMinutes((long) (this.random.nextDouble() * minutes)));
		return this.random.nextBoolean() ? at.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)) : at;
	}

	private String pick(String... values) {
		return values[this.random.nextInt(values.length)];
	}

}
