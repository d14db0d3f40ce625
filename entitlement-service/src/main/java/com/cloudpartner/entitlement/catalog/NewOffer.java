package com.cloudpartner.entitlement.catalog;

import java.time.Instant;
import java.util.List;

import com.cloudpartner.entitlement.common.Money;

/**
 * An operator's request for a new offer, before it is checked against its SKU.
 *
 * @param id the offer id
 * @param sku the SKU's resource name
 * @param displayName shown to partners
 * @param paymentPlan how it is paid
 * @param duration payment cycle length
 * @param periodType payment cycle unit
 * @param prices list price per meter
 * @param monthlyPrice optional monthly cap
 * @param effectiveTime from when it may be bought, now when absent
 */
public record NewOffer(String id, String sku, String displayName, PaymentPlan paymentPlan, int duration,
		PeriodType periodType, List<NewPrice> prices, Money monthlyPrice, Instant effectiveTime) {

	/**
	 * One requested price.
	 *
	 * @param meter the SKU's meter
	 * @param unit the unit the price is per
	 * @param listPrice the price per unit
	 */
	public record NewPrice(String meter, Unit unit, Money listPrice) {

	}

}
