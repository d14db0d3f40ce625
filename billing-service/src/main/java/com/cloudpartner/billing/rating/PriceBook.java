package com.cloudpartner.billing.rating;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the price of a meter at a time of the month. The entitlement's offer decides when
 * it is known; otherwise any offer of the SKU in the contract's currency. Of the versions
 * effective before the month ends, the one in force at the usage's time applies; usage
 * before an offer's first version uses that first version.
 */
final class PriceBook {

	private static final Comparator<PriceVersion> BY_TIME_THEN_OFFER = Comparator.comparing(PriceVersion::effectiveFrom)
		.thenComparing(PriceVersion::offer);

	private final List<PriceVersion> versions;

	PriceBook(List<PriceVersion> versions) {
		this.versions = versions;
	}

	Optional<PriceVersion> find(String offer, String sku, String meter, MeterUnit unit, String currencyCode,
			BillingMonth month, Instant at) {
		Predicate<PriceVersion> sameMeter = (v) -> v.meter().equals(meter) && v.unit() == unit
				&& v.currencyCode().equals(currencyCode) && v.effectiveFrom().isBefore(month.end());
		Optional<PriceVersion> byOffer = (offer != null) ? pick(sameMeter.and((v) -> v.offer().equals(offer)), at)
				: Optional.empty();
		return byOffer.or(() -> pick(sameMeter.and((v) -> v.sku().equals(sku)), at));
	}

	private Optional<PriceVersion> pick(Predicate<PriceVersion> candidate, Instant at) {
		List<PriceVersion> matching = this.versions.stream().filter(candidate).toList();
		Optional<PriceVersion> inForceAtStart = matching.stream()
			.filter((v) -> !v.effectiveFrom().isAfter(at))
			.max(BY_TIME_THEN_OFFER);
		return inForceAtStart.or(() -> matching.stream().min(BY_TIME_THEN_OFFER));
	}

}
