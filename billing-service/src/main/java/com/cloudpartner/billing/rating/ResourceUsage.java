package com.cloudpartner.billing.rating;

/**
 * Usage of an hourly or daily meter by one resource in the month being rated.
 *
 * @param customerId the customer owning the resource
 * @param resource the resource's name
 * @param offer the offer of the resource's entitlement, or {@code null} when unknown
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param unit {@link MeterUnit#HOUR} or {@link MeterUnit#DAY}
 * @param billableUnits the started hours (days) of the month in which it was billable
 */
public record ResourceUsage(String customerId, String resource, String offer, String sku, String meter, MeterUnit unit,
		long billableUnits) {

	public ResourceUsage {
		if (!unit.isPeriodic()) {
			throw new IllegalArgumentException(unit + " usage is a quantity, not billable periods");
		}
	}

}
