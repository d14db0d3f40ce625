package com.cloudpartner.entitlement.catalog;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.catalog.NewOffer.NewPrice;
import com.cloudpartner.entitlement.common.Money;
import com.cloudpartner.support.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OfferRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

	private final Sku sku = new Sku("server-basic", "basic-2vcpu-4gb", "Basic",
			List.of(new Meter("vm-hours", Unit.HOUR), new Meter("egress-gb", Unit.GB)));

	@Test
	void buildsAnOfferInTheCurrencyOfItsPrices() {
		Offer offer = OfferRules.offer(request(List.of(price("vm-hours", Unit.HOUR, "KRW", "45")), krw("30000")),
				this.sku, NOW);
		assertThat(offer.currency()).isEqualTo("KRW");
		assertThat(offer.skuName()).isEqualTo("products/server-basic/skus/basic-2vcpu-4gb");
		assertThat(offer.monthlyPrice()).isEqualByComparingTo("30000");
		assertThat(offer.effectiveFrom()).isEqualTo(NOW);
		assertThat(offer.availabilityMode()).isEqualTo("ANY_PARTNER");
	}

	@Test
	void refusesPricesThatDoNotFitTheSku() {
		assertThatExceptionOfType(ApiProblem.class)
			.isThrownBy(() -> OfferRules.offer(request(
					List.of(price("vm-hours", Unit.DAY, "KRW", "45"), price("gpu-hours", Unit.HOUR, "KRW", "1"),
							price("egress-gb", Unit.GB, "USD", "1"), price("vm-hours", Unit.HOUR, "KRW", "2")),
					Money.of("USD", BigDecimal.ONE)), this.sku, NOW))
			.satisfies((p) -> assertThat(p.errors()).extracting(ApiProblem.FieldError::field)
				.containsExactly("prices[0].unit", "prices[1].meter", "prices[2].listPrice.currencyCode",
						"prices[3].meter", "monthlyPrice.currencyCode"));
	}

	@Test
	void readsSkuNames() {
		assertThat(OfferRules.parseSkuName("products/ssd-disk/skus/ssd-100gb")).containsExactly("ssd-disk",
				"ssd-100gb");
		assertThatExceptionOfType(ApiProblem.class).isThrownBy(() -> OfferRules.parseSkuName("skus/ssd-100gb"));
	}

	@Test
	void writesOfferPublishedAsDocumented() throws Exception {
		JsonMapper json = JsonMapper.builder().build();
		Offer offer = new Offer("server-basic-2vcpu-4gb-monthly", "server-basic", "basic-2vcpu-4gb",
				"Server Basic 2 vCPU / 4 GB, monthly", PaymentPlan.FLEXIBLE, 1, PeriodType.MONTH, "KRW",
				List.of(new Price("vm-hours", Unit.HOUR, new BigDecimal("45.000000"))), new BigDecimal("30000.000000"),
				Instant.parse("2026-01-01T00:00:00Z"), Offer.ANY_PARTNER);
		Product product = new Product("server-basic", "Server (Basic)", Family.IAAS, true);
		assertThat((JsonNode) json.valueToTree(OfferPublished.of(offer, product)))
			.isEqualTo(json.readTree(Files.readString(Path.of("../docs/events/offer.published.json"))).get("data"));
	}

	private static NewOffer request(List<NewPrice> prices, Money monthly) {
		return new NewOffer("o", "products/server-basic/skus/basic-2vcpu-4gb", "O", PaymentPlan.FLEXIBLE, 1,
				PeriodType.MONTH, prices, monthly, null);
	}

	private static NewPrice price(String meter, Unit unit, String currency, String amount) {
		return new NewPrice(meter, unit, Money.of(currency, new BigDecimal(amount)));
	}

	private static Money krw(String amount) {
		return Money.of("KRW", new BigDecimal(amount));
	}

}
