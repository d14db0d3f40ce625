package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PriceBook#find} against the rule as the price book stated it before in streams
 * (kept here as the oracle): random books of a few offers, SKUs, meters, units and
 * currencies whose versions often take effect at the same instant (so that ties and their
 * order count), asked at random instants around them.
 */
class PriceBookPropertiesTests {

	private static final String[] OFFERS = { "offers/a", "offers/b", "offers/c" };

	private static final String[] SKUS = { "skus/vm", "skus/disk" };

	private static final String[] METERS = { "vm-hours", "disk-gb" };

	private static final String[] CURRENCIES = { "KRW", "USD" };

	private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

	@Property(tries = 2000)
	void findsWhatTheStatedRuleFinds(@ForAll long seed) {
		Random random = new Random(seed);
		List<PriceVersion> versions = new ArrayList<>();
		int count = random.nextInt(12);
		for (int i = 0; i < count; i++) {
			versions.add(new PriceVersion(pick(random, OFFERS), pick(random, SKUS), pick(random, METERS),
					random.nextBoolean() ? MeterUnit.HOUR : MeterUnit.DAY, BigDecimal.valueOf(i + 1),
					pick(random, CURRENCIES), null, instant(random)));
		}
		PriceBook book = new PriceBook(versions);
		for (int q = 0; q < 20; q++) {
			String offer = random.nextInt(4) == 0 ? null : pick(random, OFFERS);
			String sku = pick(random, SKUS);
			String meter = pick(random, METERS);
			MeterUnit unit = random.nextBoolean() ? MeterUnit.HOUR : MeterUnit.DAY;
			String currency = pick(random, CURRENCIES);
			Instant at = instant(random);
			Instant firstEnd = at.plusSeconds(3600L * random.nextInt(30));
			Instant before = instant(random).plusSeconds(3600L * 24);
			assertThat(book.find(offer, sku, meter, unit, currency, before, at, firstEnd))
				.as("%s, asked %s %s %s %s %s %s %s %s", versions, offer, sku, meter, unit, currency, before, at,
						firstEnd)
				.isEqualTo(stated(versions, offer, sku, meter, unit, currency, before, at, firstEnd));
		}
	}

	private static final Comparator<PriceVersion> BY_TIME_THEN_OFFER = Comparator.comparing(PriceVersion::effectiveFrom)
		.thenComparing(PriceVersion::offer);

	/** The rule in streams, as PriceBook had it. */
	private static Optional<PriceVersion> stated(List<PriceVersion> versions, String offer, String sku, String meter,
			MeterUnit unit, String currencyCode, Instant before, Instant at, Instant firstPeriodEnd) {
		List<PriceVersion> ofMeter = versions.stream().filter((v) -> v.meter().equals(meter)).toList();
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

	private static Instant instant(Random random) {
		return T0.plusSeconds(3600L * random.nextInt(48));
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

}
