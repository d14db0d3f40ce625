package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * One charge line of a month: a customer's use of a SKU's meter, each amount rounded to
 * the currency's minor unit from the exact sum of its items.
 *
 * @param customerId the customer
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param quantity billable hours or days, or the summed quantity
 * @param costAtList at list prices
 * @param cost the partner's supply cost
 * @param customerCost what the partner charges the customer
 * @param items the resources behind the line, exact
 */
public record RatedLine(String customerId, String sku, String meter, BigDecimal quantity, BigDecimal costAtList,
		BigDecimal cost, BigDecimal customerCost, List<RatedItem> items) {

	public RatedLine(String customerId, String sku, String meter, BigDecimal quantity, BigDecimal costAtList,
			BigDecimal cost, BigDecimal customerCost) {
		this(customerId, sku, meter, quantity, costAtList, cost, customerCost, List.of());
	}

}
