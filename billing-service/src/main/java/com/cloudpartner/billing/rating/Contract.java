package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The partner's contract terms that rating needs, with the history of its supply
 * discount: a change applies to usage from its effective time on.
 *
 * @param currencyCode the partner's billing currency
 * @param discounts the supply discount versions, any order (at least one)
 */
public record Contract(String currencyCode, List<Discount> discounts) {

	private static final Instant EPOCH = Instant.EPOCH;

	public Contract {
		if (discounts == null || discounts.isEmpty()) {
			throw new IllegalArgumentException("a contract needs a supply discount");
		}
		discounts = discounts.stream().sorted(Comparator.comparing(Discount::effectiveFrom)).toList();
	}

	/** A contract whose discount never changed. */
	public Contract(BigDecimal supplyDiscountPercent, String currencyCode) {
		this(currencyCode, List.of(new Discount(EPOCH, supplyDiscountPercent)));
	}

	/** The discount in force at the instant (the first one before any). */
	public BigDecimal discountAt(Instant instant) {
		BigDecimal percent = this.discounts.get(0).percent();
		for (Discount discount : this.discounts) {
			if (!discount.effectiveFrom().isAfter(instant)) {
				percent = discount.percent();
			}
		}
		return percent;
	}

	/** The current (latest) discount. */
	public BigDecimal supplyDiscountPercent() {
		return this.discounts.get(this.discounts.size() - 1).percent();
	}

	/**
	 * A supply discount from a time on.
	 *
	 * @param effectiveFrom when it starts to apply
	 * @param percent the discount on list prices, 0..100
	 */
	public record Discount(Instant effectiveFrom, BigDecimal percent) {
	}

}
