package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Usage of one meter by one resource of one owner in the month being rated, or a part of
 * it: parts of the same resource are split where a price or the contract changes, so that
 * each part is priced as of its start.
 *
 * @param customerId the customer owning the resource
 * @param resource the resource's name
 * @param entitlementId the entitlement, or {@code null}
 * @param offer the offer of the resource's entitlement, or {@code null} when unknown
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param unit the unit
 * @param units started hours (days) for HOUR (DAY) meters, else the summed quantity
 * @param usageStart the first instant of the part, or {@code null} for the month's start
 * @param usageEnd the end of the part's last period, or {@code null}
 */
public record ResourceUsage(String customerId, String resource, String entitlementId, String offer, String sku,
		String meter, MeterUnit unit, BigDecimal units, Instant usageStart, Instant usageEnd) {

	/** A whole month's periods of a resource, priced as of the month's start. */
	public ResourceUsage(String customerId, String resource, String offer, String sku, String meter, MeterUnit unit,
			long billableUnits) {
		this(customerId, resource, null, offer, sku, meter, unit, BigDecimal.valueOf(billableUnits), null, null);
		if (!unit.isPeriodic()) {
			throw new IllegalArgumentException(unit + " usage is a quantity, not billable periods");
		}
	}

}
