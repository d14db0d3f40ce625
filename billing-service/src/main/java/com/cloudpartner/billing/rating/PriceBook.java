package com.cloudpartner.billing.rating;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
		if (offer != null) {
			for (PriceVersion v : ofMeter) {
				if (sameMeter(v, unit, currencyCode, before) && v.offer().equals(offer)) {
					return Optional
						.ofNullable(pick(ofMeter, unit, currencyCode, before, offer, null, at, firstPeriodEnd));
				}
			}
		}
		return Optional.ofNullable(pick(ofMeter, unit, currencyCode, before, null, sku, at, firstPeriodEnd));
	}

	private static boolean sameMeter(PriceVersion v, MeterUnit unit, String currencyCode, Instant before) {
		return v.unit() == unit && v.currencyCode().equals(currencyCode) && v.effectiveFrom().isBefore(before);
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

	/**
	 * Of the versions of the meter's unit and currency effective before {@code before},
	 * of the offer (or, when {@code offer} is {@code null}, of the SKU): the latest in
	 * force at {@code at}, else the earliest taking effect before {@code firstPeriodEnd};
	 * ties go to the first in the list. Plain loops: this runs for every event the usage
	 * API checks and every series rating reads (streams and predicates per call were ~4 %
	 * of the API's samples in the ingestion benchmark's profile).
	 */
	private static PriceVersion pick(List<PriceVersion> versions, MeterUnit unit, String currencyCode, Instant before,
			String offer, String sku, Instant at, Instant firstPeriodEnd) {
		PriceVersion inForce = null;
		PriceVersion next = null;
		for (PriceVersion v : versions) {
			if (!sameMeter(v, unit, currencyCode, before)
					|| !((offer != null) ? v.offer().equals(offer) : v.sku().equals(sku))) {
				continue;
			}
			if (!v.effectiveFrom().isAfter(at)) {
				if (inForce == null || BY_TIME_THEN_OFFER.compare(v, inForce) > 0) {
					inForce = v;
				}
			}
			if (v.effectiveFrom().isBefore(firstPeriodEnd)) {
				if (next == null || BY_TIME_THEN_OFFER.compare(v, next) < 0) {
					next = v;
				}
			}
		}
		return (inForce != null) ? inForce : next;
	}

}
