package com.cloudpartner.billing.rating;

import java.math.BigDecimal;

/**
 * The partner's contract terms that rating needs.
 *
 * @param supplyDiscountPercent the discount on list prices that makes the partner's cost
 * @param currencyCode the partner's billing currency
 */
public record Contract(BigDecimal supplyDiscountPercent, String currencyCode) {

}
