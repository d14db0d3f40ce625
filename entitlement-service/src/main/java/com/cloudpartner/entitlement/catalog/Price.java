package com.cloudpartner.entitlement.catalog;

import java.math.BigDecimal;

/**
 * The list price of one meter of an offer, in the offer's currency.
 *
 * @param meter the SKU's meter
 * @param unit the unit the price is per
 * @param listPrice price per unit
 */
public record Price(String meter, Unit unit, BigDecimal listPrice) {

}
