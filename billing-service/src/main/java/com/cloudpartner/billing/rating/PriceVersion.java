package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One price of an offer's meter from a given time on (the price book keeps every
 * version).
 *
 * @param offer the offer's resource name
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param unit the meter's unit
 * @param listPrice the list price of one unit
 * @param currencyCode the currency of both prices
 * @param monthlyPrice the cap for a month of a periodic meter, or {@code null}
 * @param effectiveFrom from when the version applies
 */
public record PriceVersion(String offer, String sku, String meter, MeterUnit unit, BigDecimal listPrice,
		String currencyCode, BigDecimal monthlyPrice, Instant effectiveFrom) {

}
