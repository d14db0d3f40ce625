package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Supply prices: each offer's list price beside the contract's supply price. */
class PartnerPricesIT extends PartnerToolTestSupport {

	@Test
	void showsListAndSupplyPricesRoundedHalfUpToWholeWon() {
		Partner partner = newPartner("Blue Hosting");
		partner.account().settings.put("contract",
				Map.of("reference", "CT-1", "supplyDiscountPercent", "12.5", "currencyCode", "KRW"));
		entitlementService.offers.put(partner.accountId(), List.of(offer("basic-1", "Server basic", "37", "30000")));
		Browser browser = signedIn(partner);

		HttpResponse<String> page = browser.get("/partner/prices?lang=en");

		assertThat(page.statusCode()).isEqualTo(200);
		// 37 x 0.875 = 32.375 -> 32; 30000 x 0.875 = 26250
		assertThat(page.body()).contains("12.5% off", "Server basic", "class=\"num list-price\">37 KRW",
				"class=\"num supply-price\">32 KRW", "30,000 KRW → 26,250 KRW", "FLEXIBLE / 1 MONTH");
		assertThat(entitlementService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/offers");
			assertThat(seen.tokenAccount()).isEqualTo(partner.accountId());
		});
	}

	@Test
	void pagesThroughTheOffers() {
		Partner partner = newPartner("Blue Hosting");
		List<Map<String, Object>> offers = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			offers.add(offer("o-" + i, "Offer " + i, "10", null));
		}
		entitlementService.offers.put(partner.accountId(), offers);
		Browser browser = signedIn(partner);

		HttpResponse<String> first = browser.get("/partner/prices?lang=ko");

		assertThat(first.body()).contains("공급가", "Offer 19", "id=\"next-page\"").doesNotContain("Offer 20");
		HttpResponse<String> second = browser.get("/partner/prices?pageToken=20");
		assertThat(second.body()).contains("Offer 22", "id=\"first-page\"").doesNotContain("Offer 19<");
	}

	static Map<String, Object> offer(String id, String name, String hourly, String monthly) {
		Map<String, Object> offer = new java.util.LinkedHashMap<>();
		offer.put("name", "offers/" + id);
		offer.put("id", id);
		offer.put("sku", "products/server/skus/" + id);
		offer.put("displayName", name);
		offer.put("plan",
				Map.of("paymentPlan", "FLEXIBLE", "paymentCycle", Map.of("duration", 1, "periodType", "MONTH")));
		offer.put("prices", List.of(Map.of("meter", "hours", "unit", "HOUR", "listPrice", FakeService.money(hourly))));
		if (monthly != null) {
			offer.put("monthlyPrice", FakeService.money(monthly));
		}
		return offer;
	}

}
