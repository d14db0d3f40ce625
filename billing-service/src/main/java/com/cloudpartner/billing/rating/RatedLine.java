package com.cloudpartner.billing.rating;

import java.math.BigDecimal;

/**
 * One charge line of a month: a customer's use of a SKU's meter, each amount rounded to
 * the currency's minor unit.
 *
 * @param customerId the customer
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param quantity billable hours or days, or the summed quantity
 * @param costAtList at list prices
 * @param cost the partner's supply cost
 * @param customerCost what the partner charges the customer
 */
public record RatedLine(String customerId, String sku, String meter, BigDecimal quantity, BigDecimal costAtList,
		BigDecimal cost, BigDecimal customerCost) {

}
