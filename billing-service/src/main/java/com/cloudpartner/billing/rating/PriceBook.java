package com.cloudpartner.billing.rating;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds the price of a meter for a part of a month's usage. The entitlement's offer
 * decides when it prices the meter at all; otherwise any offer of the SKU in the
 * contract's currency. Of the versions effective before the month ends, the one in force
 * at the usage's start applies; when none is, a version that takes effect during the
 * usage's first period (its first hour or day, or the reported window of a quantity)
 * prices it. Usage whose first period ends before any version has no price: the API
 * refuses it ({@code NO_PRICE_IN_EFFECT}), so that nothing accepted goes unbilled.
 */
public final class PriceBook {

	private static final Comparator<PriceVersion> BY_TIME_THEN_OFFER = Comparator.comparing(PriceVersion::effectiveFrom)
		.thenComparing(PriceVersion::offer);

	private final Map<String, List<PriceVersion>> byMeter;

	public PriceBook(List<PriceVersion> versions) {
		this.byMeter = versions.stream().collect(Collectors.groupingBy(PriceVersion::meter));
	}

	/**
	 * The version that prices usage of a meter.
	 * @param offer the entitlement's offer at the usage's start, or {@code null}
	 * @param before only versions effective before this instant count (the end of the
	 * usage's month)
	 * @param at the usage's start
	 * @param firstPeriodEnd the end of its first period ({@link #firstPeriodEnd})
	 */
	public Optional<PriceVersion> find(String offer, String sku, String meter, MeterUnit unit, String currencyCode,
			Instant before, Instant at, Instant firstPeriodEnd) {
		List<PriceVersion> ofMeter = this.byMeter.getOrDefault(meter, List.of());
		Predicate<PriceVersion> sameMeter = (v) -> v.unit() == unit && v.currencyCode().equals(currencyCode)
				&& v.effectiveFrom().isBefore(before);
		if (offer != null) {
			Predicate<PriceVersion> ofOffer = sameMeter.and((v) -> v.offer().equals(offer));
			if (ofMeter.stream().anyMatch(ofOffer)) {
				return pick(ofMeter, ofOffer, at, firstPeriodEnd);
			}
		}
		return pick(ofMeter, sameMeter.and((v) -> v.sku().equals(sku)), at, firstPeriodEnd);
	}

	/**
	 * The end of the first period of usage starting at an instant: the end of its hour
	 * (day) in the billing zone for HOUR (DAY) meters, else the usage's end.
	 */
	public static Instant firstPeriodEnd(MeterUnit unit, Instant start, Instant end, ZoneId zone) {
		return switch (unit) {
			case HOUR -> start.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
			case DAY -> start.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
			default -> end;
		};
	}

	private static Optional<PriceVersion> pick(List<PriceVersion> versions, Predicate<PriceVersion> candidate,
			Instant at, Instant firstPeriodEnd) {
		List<PriceVersion> matching = versions.stream().filter(candidate).toList();
		Optional<PriceVersion> inForceAtStart = matching.stream()
			.filter((v) -> !v.effectiveFrom().isAfter(at))
			.max(BY_TIME_THEN_OFFER);
		return inForceAtStart.or(() -> matching.stream()
			.filter((v) -> v.effectiveFrom().isBefore(firstPeriodEnd))
			.min(BY_TIME_THEN_OFFER));
	}

}
