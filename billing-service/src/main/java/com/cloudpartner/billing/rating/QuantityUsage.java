package com.cloudpartner.billing.rating;

import java.math.BigDecimal;

/**
 * Summed usage of a quantity meter (GB, COUNT, ...) in the month being rated.
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

}
