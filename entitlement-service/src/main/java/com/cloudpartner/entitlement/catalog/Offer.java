package com.cloudpartner.entitlement.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A priced way to buy a SKU, {@code offers/{id}}.
 *
 * @param id the offer id
 * @param productId the SKU's product
 * @param skuId the SKU
 * @param displayName shown to partners
 * @param paymentPlan how it is paid
 * @param cycleDuration length of the payment cycle
 * @param periodType unit of the payment cycle
 * @param currency ISO 4217 code of every price
 * @param prices list price per meter
 * @param monthlyPrice cap per resource and month for time-metered prices, if any
 * @param effectiveFrom from when it may be bought
 * @param availabilityMode who may resell it (ANY_PARTNER for now)
 */
public record Offer(String id, String productId, String skuId, String displayName, PaymentPlan paymentPlan,
		int cycleDuration, PeriodType periodType, String currency, List<Price> prices, BigDecimal monthlyPrice,
		Instant effectiveFrom, String availabilityMode) {

	public static final String ANY_PARTNER = "ANY_PARTNER";

	public Offer {
		prices = List.copyOf(prices);
	}

	public String name() {
		return "offers/" + this.id;
	}

	public String skuName() {
		return Sku.name(this.productId, this.skuId);
	}

	public boolean hasPriceIn(Unit unit) {
		return this.prices.stream().anyMatch((p) -> p.unit() == unit);
	}

}
