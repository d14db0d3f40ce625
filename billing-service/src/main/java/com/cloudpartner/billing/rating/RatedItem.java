package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one resource of one owner costs in the month, in exact (unrounded) decimals: the
 * detail behind a {@link RatedLine} and the row of the billing export.
 *
 * @param resource the resource's name
 * @param entitlementId the entitlement, or {@code null}
 * @param offer the offer that priced it
 * @param unit the unit
 * @param units billable periods or quantity
 * @param usageStart the first instant used in the month
 * @param usageEnd the end of the last period used in the month
 * @param listPrice the unit price of the latest part
 * @param monthlyPrice the monthly price (cap) that applied, or {@code null}
 * @param costAtList at list prices after the cap
 * @param cost the partner's supply cost
 * @param customerCost the customer cost after repricing
 * @param repricingConfig the repricing config's name, or {@code null}
 * @param grossCostAtList units x unit prices, before the full-month rule and the cap
 * @param grossCost the supply cost of {@code grossCostAtList}
 * @param grossCustomerCost the customer cost of {@code grossCostAtList}
 */
public record RatedItem(String resource, String entitlementId, String offer, MeterUnit unit, BigDecimal units,
		Instant usageStart, Instant usageEnd, BigDecimal listPrice, BigDecimal monthlyPrice, BigDecimal costAtList,
		BigDecimal cost, BigDecimal customerCost, String repricingConfig, BigDecimal grossCostAtList,
		BigDecimal grossCost, BigDecimal grossCustomerCost) {

	/** An item that no monthly rule changed: its gross amounts are its amounts. */
	public RatedItem(String resource, String entitlementId, String offer, MeterUnit unit, BigDecimal units,
			Instant usageStart, Instant usageEnd, BigDecimal listPrice, BigDecimal monthlyPrice, BigDecimal costAtList,
			BigDecimal cost, BigDecimal customerCost, String repricingConfig) {
		this(resource, entitlementId, offer, unit, units, usageStart, usageEnd, listPrice, monthlyPrice, costAtList,
				cost, customerCost, repricingConfig, costAtList, cost, customerCost);
	}

}
