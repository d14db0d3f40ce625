package com.cloudpartner.console.partnertool.prices;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Amount;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/**
 * The offers entitlement-service makes available to the partner, each price beside the
 * partner's supply price: list x (1 - supplyDiscountPercent/100) of the account's
 * contract at partner-service, in exact decimals rounded HALF_UP to the currency's minor
 * unit, as billing rates it.
 */
@Component
class SupplyPrices {

	private final PartnerApi api;

	SupplyPrices(PartnerApi api) {
		this.api = api;
	}

	Contract contract(PartnerSession session) {
		Account account = this.api.forSession(session).get(Account.class, "");
		return (account.contract() != null) ? account.contract() : new Contract(null, null);
	}

	Page offers(PartnerSession session, int pageSize, String pageToken) {
		return this.api.entitlement(session)
			.getForAccount(Page.class, Map.of("pageSize", pageSize, "pageToken", (pageToken != null) ? pageToken : ""),
					"/v1/offers");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Account(Contract contract) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contract(String supplyDiscountPercent, String currencyCode) {

		/** The discount as a decimal; zero when the contract names none. */
		BigDecimal discount() {
			try {
				return (this.supplyDiscountPercent != null) ? new BigDecimal(this.supplyDiscountPercent)
						: BigDecimal.ZERO;
			}
			catch (NumberFormatException ex) {
				return BigDecimal.ZERO;
			}
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Offer> offers, String nextPageToken) {

		Page {
			offers = (offers != null) ? offers : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Offer(String name, String id, String sku, String displayName, Plan plan, List<Price> prices,
			Amount monthlyPrice) {

		Offer {
			prices = (prices != null) ? prices : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Plan(String paymentPlan, Cycle paymentCycle) {

		@Override
		public String toString() {
			return (this.paymentCycle != null)
					? this.paymentPlan + " / " + this.paymentCycle.duration() + " " + this.paymentCycle.periodType()
					: String.valueOf(this.paymentPlan);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Cycle(Integer duration, String periodType) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Price(String meter, String unit, Amount listPrice) {

	}

	/** One price row of the page: the list price and what the partner pays for it. */
	record Row(String offerId, String offerName, String sku, String plan, String meter, String unit, Amount listPrice,
			Amount supplyPrice, Amount monthlyListPrice, Amount monthlySupplyPrice, boolean first) {

		static List<Row> of(Offer offer, BigDecimal discount) {
			Amount monthly = offer.monthlyPrice();
			Amount monthlySupply = (monthly != null) ? monthly.discounted(discount) : null;
			String plan = (offer.plan() != null) ? offer.plan().toString() : "";
			if (offer.prices().isEmpty()) {
				return List.of(new Row(offer.id(), offer.displayName(), offer.sku(), plan, null, null, null, null,
						monthly, monthlySupply, true));
			}
			ArrayList<Row> rows = new ArrayList<>();
			for (Price price : offer.prices()) {
				Amount list = price.listPrice();
				rows.add(new Row(offer.id(), offer.displayName(), offer.sku(), plan, price.meter(), price.unit(), list,
						(list != null) ? list.discounted(discount) : null, monthly, monthlySupply, rows.isEmpty()));
			}
			return rows;
		}

	}

}
