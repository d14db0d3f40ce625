package com.cloudpartner.entitlement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

import static com.cloudpartner.entitlement.EntitlementLifecycleIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may resell an offer (DOMAIN.md section 5) and price versions: partners only see and
 * buy what is available to them, and a partner that has resold an offer keeps it.
 */
class AvailabilityIT extends IntegrationTestSupport {

	@Test
	void selectedPartnersOnlySeeAndBuyTheOfferAndResellersCannotBeRemoved() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String a = "acct-a-" + id;
		String b = "acct-b-" + id;
		approvePartner(a, "PA-" + id, "cust-" + id);
		approvePartner(b, "PB-" + id);
		String offer = newOffer("seats-" + id);
		String second = newOffer("seats2-" + id);
		String path = "/v1/offers/" + offer;

		Response bought = post("/v1/accounts/" + a + "/customers/cust-" + id + "/entitlements", TestTokens.partner(a),
				Map.of("offer", "offers/" + offer, "billingAccount", "accounts/" + a + "/billingAccounts/demo-krw",
						"parameters", List.of(Map.of("name", "maxUnits", "value", 1))));
		assertThat(bought.status()).isEqualTo(202);

		assertProblem(put(path + "/availability", Map.of("mode", "SELECTED_PARTNERS", "partners", List.of(b))), 409,
				"PARTNER_HAS_RESOLD");
		assertProblem(put(path + "/availability", Map.of("mode", "NO_PARTNER")), 409, "PARTNER_HAS_RESOLD");
		assertProblem(put(path + "/availability", Map.of("mode", "SELECTED_PARTNERS", "partners", List.of("ghost"))),
				400, "VALIDATION_FAILED");
		assertProblem(put(path + "/availability", Map.of("mode", "SOME")), 400, "VALIDATION_FAILED");
		Response selected = put(path + "/availability", Map.of("mode", "SELECTED_PARTNERS", "partners", List.of(a)));
		assertThat(selected.status()).isEqualTo(200);
		assertThat(get(path + "/availability", TestTokens.operator()).body().get("partners").get(0).asString())
			.isEqualTo(a);

		assertThat(get(path, TestTokens.partner(a)).status()).isEqualTo(200);
		assertProblem(get(path, TestTokens.partner(b)), 404, "OFFER_NOT_FOUND");
		assertThat(allOffers(TestTokens.partner(b))).doesNotContain("offers/" + offer);
		assertThat(allOffers(TestTokens.partner(a))).contains("offers/" + offer);

		String csv = RestClient.create()
			.get()
			.uri("http://localhost:" + this.port + path + "/availability.csv")
			.headers((h) -> h.setBearerAuth(TestTokens.operator()))
			.retrieve()
			.body(String.class);
		assertThat(csv).isEqualTo("accountId\r\n" + a + "\r\n");
		Response imported = RestClient.create()
			.post()
			.uri("http://localhost:" + this.port + "/v1/offers/" + second + "/availability.csv")
			.headers((h) -> h.setBearerAuth(TestTokens.operator()))
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
			.body(csv + b + "\r\n")
			.exchange((req, res) -> new Response(res.getStatusCode().value(), res.getHeaders(),
					this.json.readTree(res.getBody())));
		assertThat(imported.status()).isEqualTo(200);
		assertThat(imported.body().get("partners").size()).isEqualTo(2);
		assertThat(imported.text("/mode")).isEqualTo("SELECTED_PARTNERS");
		Response badCsv = RestClient.create()
			.post()
			.uri("http://localhost:" + this.port + "/v1/offers/" + second + "/availability.csv")
			.headers((h) -> h.setBearerAuth(TestTokens.operator()))
			.contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
			.body("partner\r\nx\r\n")
			.exchange((req, res) -> new Response(res.getStatusCode().value(), res.getHeaders(),
					this.json.readTree(res.getBody())));
		assertProblem(badCsv, 400, "INVALID_CSV");

		assertThat(get(path + "/availability", TestTokens.partner(a)).status()).isEqualTo(403);
		assertThat(call(HttpMethod.PUT, path + "/availability", TestTokens.partner(a), Map.of("mode", "ANY_PARTNER"))
			.status()).isEqualTo(403);
		consume("entitlement-events", "offers/" + offer,
				(e) -> e.get("type").asString().equals("offer.availability.changed")
						&& e.at("/data/mode").asString().equals("SELECTED_PARTNERS"));
	}

	@Test
	void aPriceVersionAppliesFromItsEffectiveTimeAndIsPublished() {
		String offer = newOffer("priced-" + UUID.randomUUID().toString().substring(0, 8));
		Instant effective = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> version = Map.of("effectiveTime", effective.toString(), "prices", List.of(Map.of("meter",
				"seats", "unit", "SEAT_MONTH", "listPrice", Map.of("currencyCode", "KRW", "amount", "13500"))));
		assertThat(
				post("/v1/offers/" + offer + "/price-versions", TestTokens.partner("demo-account"), version).status())
			.isEqualTo(403);
		Response created = post("/v1/offers/" + offer + "/price-versions", TestTokens.operator(), version);
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.text("/prices/0/listPrice/amount")).isEqualTo("13500");
		assertProblem(post("/v1/offers/" + offer + "/price-versions", TestTokens.operator(), version), 409,
				"PRICE_VERSION_EXISTS");
		assertProblem(
				post("/v1/offers/" + offer + "/price-versions", TestTokens.operator(),
						Map.of("effectiveTime", "2020-01-01T00:00:00Z", "prices", version.get("prices"))),
				400, "VALIDATION_FAILED");
		assertProblem(post("/v1/offers/no-such-offer/price-versions", TestTokens.operator(), version), 404,
				"OFFER_NOT_FOUND");

		assertThat(get("/v1/offers/" + offer, TestTokens.operator()).text("/prices/0/listPrice/amount"))
			.isEqualTo("12000");
		JsonNode versions = get("/v1/offers/" + offer + "/price-versions", TestTokens.operator()).body()
			.get("priceVersions");
		assertThat(versions.findValuesAsString("effectiveTime")).hasSize(2).last().isEqualTo(effective.toString());
		try {
			this.clock.advance(java.time.Duration.ofHours(2));
			assertThat(get("/v1/offers/" + offer, partnerAtOperator()).text("/prices/0/listPrice/amount"))
				.isEqualTo("13500");
		}
		finally {
			this.clock.reset();
		}
		consume("entitlement-events", "offers/" + offer,
				(e) -> e.get("type").asString().equals("offer.published")
						&& e.at("/data/effectiveTime").asString().equals(effective.toString())
						&& e.at("/data/prices/0/listPrice/amount").asString().equals("13500"));
	}

	private String partnerAtOperator() {
		Instant at = this.clock.instant();
		return TestTokens.builder("local-operator", "partner-api", "operator", java.time.Duration.ofMinutes(15))
			.notBefore(java.util.Date.from(at.minusSeconds(60)))
			.issuedAt(java.util.Date.from(at.minusSeconds(60)))
			.expiration(java.util.Date.from(at.plusSeconds(900)))
			.compact();
	}

	private String newOffer(String id) {
		Response created = post("/v1/offers", TestTokens.operator(),
				"""
						{"id": "%s", "sku": "products/office-suite/skus/standard", "displayName": "Seats %s",
						 "plan": {"paymentPlan": "FLEXIBLE", "paymentCycle": {"duration": 1, "periodType": "MONTH"}},
						 "prices": [{"meter": "seats", "unit": "SEAT_MONTH", "listPrice": {"currencyCode": "KRW", "amount": "12000"}}],
						 "effectiveTime": "2026-01-01T00:00:00Z"}
						"""
					.formatted(id, id));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		return id;
	}

	private List<String> allOffers(String token) {
		return get("/v1/offers?pageSize=500", token).body().get("offers").findValuesAsString("name");
	}

	private Response put(String path, Object body) {
		return call(HttpMethod.PUT, path, TestTokens.operator(), body);
	}

}
