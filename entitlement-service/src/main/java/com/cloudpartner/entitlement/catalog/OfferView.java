package com.cloudpartner.entitlement.catalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.cloudpartner.entitlement.common.Money;

/**
 * An offer as the API shows it.
 *
 * @param name {@code offers/{id}}
 * @param id the offer id
 * @param sku the SKU's resource name
 * @param displayName shown to partners
 * @param plan payment plan and cycle
 * @param prices list price per meter
 * @param monthlyPrice the monthly cap, absent when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfferView(String name, String id, String sku, String displayName, Plan plan, List<PriceView> prices,
		Money monthlyPrice) {

	public static OfferView of(Offer offer) {
		return new OfferView(offer.name(), offer.id(), offer.skuName(), offer.displayName(),
				new Plan(offer.paymentPlan(), new PaymentCycle(offer.cycleDuration(), offer.periodType())),
				offer.prices()
					.stream()
					.map((p) -> new PriceView(p.meter(), p.unit(), Money.of(offer.currency(), p.listPrice())))
					.toList(),
				(offer.monthlyPrice() != null) ? Money.of(offer.currency(), offer.monthlyPrice()) : null);
	}

	/**
	 * How the offer is paid.
	 *
	 * @param paymentPlan FLEXIBLE, COMMITMENT, TRIAL or FREE
	 * @param paymentCycle how often
	 */
	public record Plan(PaymentPlan paymentPlan, PaymentCycle paymentCycle) {

	}

	/**
	 * A payment cycle such as 1 MONTH.
	 *
	 * @param duration how many periods
	 * @param periodType MONTH or YEAR
	 */
	public record PaymentCycle(int duration, PeriodType periodType) {

	}

	/**
	 * A list price.
	 *
	 * @param meter the SKU's meter
	 * @param unit per what
	 * @param listPrice the price per unit
	 */
	public record PriceView(String meter, Unit unit, Money listPrice) {

	}

}
