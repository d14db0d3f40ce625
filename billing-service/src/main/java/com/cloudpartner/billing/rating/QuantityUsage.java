package com.cloudpartner.billing.rating;

import java.math.BigDecimal;

/**
 * Summed usage of a quantity meter (GB, COUNT, ...) of a customer, not tied to a resource
 * (a convenience for {@link ResourceUsage} with an empty resource).
 *
 * @param customerId the customer
 * @param offer the offer of the entitlement, or {@code null} when unknown
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param unit the unit
 * @param quantity the total quantity
 */
public record QuantityUsage(String customerId, String offer, String sku, String meter, MeterUnit unit,
		BigDecimal quantity) {

	ResourceUsage asResourceUsage() {
		return new ResourceUsage(this.customerId, "", null, this.offer, this.sku, this.meter, this.unit, this.quantity,
				null, null);
	}

}
