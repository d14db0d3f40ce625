package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rated month of one partner account. Totals are sums of the rounded lines.
 *
 * @param month the month
 * @param currencyCode the currency of every amount
 * @param lines the lines, ordered by customer, SKU and meter
 * @param costAtList the total at list prices
 * @param cost the total supply cost
 * @param customerCost the total customer cost
 * @param unrated usage that no price in the contract's currency covers
 */
public record RatingResult(BillingMonth month, String currencyCode, List<RatedLine> lines, BigDecimal costAtList,
		BigDecimal cost, BigDecimal customerCost, List<Unrated> unrated) {

	/**
	 * Usage left out because nothing prices it: shown as such in the month-to-date view
	 * and reported by billing runs, never charged at zero silently.
	 *
	 * @param customerId the customer
	 * @param sku the SKU
	 * @param meter the meter
	 * @param quantity billable periods or quantity left unrated
	 */
	public record Unrated(String customerId, String sku, String meter, BigDecimal quantity) {

		public Unrated(String customerId, String sku, String meter) {
			this(customerId, sku, meter, BigDecimal.ZERO);
		}

	}

}
