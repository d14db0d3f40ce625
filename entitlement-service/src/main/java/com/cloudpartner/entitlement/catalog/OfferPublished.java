package com.cloudpartner.entitlement.catalog;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.cloudpartner.entitlement.common.Money;

/**
 * Data of {@code offer.published} (docs/events/offer.published.json): everything a price
 * book needs to rate usage of the offer's SKU.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OfferPublished(String offer, String sku, String product, Family family, String displayName, OfferView.Plan plan,
		List<OfferView.PriceView> prices, Money monthlyPrice, Instant effectiveTime) {

	static OfferPublished of(Offer offer, Product product) {
		OfferView view = OfferView.of(offer);
		return new OfferPublished(offer.name(), offer.skuName(), product.name(), product.family(), offer.displayName(),
				view.plan(), view.prices(), view.monthlyPrice(), offer.effectiveFrom());
	}

}
