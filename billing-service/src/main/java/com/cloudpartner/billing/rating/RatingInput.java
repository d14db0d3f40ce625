package com.cloudpartner.billing.rating;

import java.util.List;
import java.util.Map;

/**
 * Everything {@link RatingEngine} needs to rate one partner account for one month.
 *
 * @param month the month, in the billing time zone
 * @param contract the partner's contract
 * @param priceBook the price versions (any offers, currencies and times)
 * @param resources usage of hourly and daily meters, per resource
 * @param quantities usage of quantity meters
 * @param repricing repricing per customer id; customers not in it get
 * {@link Repricing#NONE}
 */
public record RatingInput(BillingMonth month, Contract contract, List<PriceVersion> priceBook,
		List<ResourceUsage> resources, List<QuantityUsage> quantities, Map<String, Repricing> repricing) {

	public RatingInput {
		priceBook = List.copyOf(priceBook);
		resources = List.copyOf(resources);
		quantities = List.copyOf(quantities);
		repricing = Map.copyOf(repricing);
	}

	public Repricing repricingOf(String customerId) {
		return this.repricing.getOrDefault(customerId, Repricing.NONE);
	}

}
