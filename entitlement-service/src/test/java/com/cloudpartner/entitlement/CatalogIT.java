package com.cloudpartner.entitlement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogIT extends IntegrationTestSupport {

	@Test
	void servesTheDemoCatalogToAnyVerifiedToken() {
		Response products = get("/v1/products?pageSize=500", TestTokens.partner("demo-account"));
		assertThat(products.status()).isEqualTo(200);
		assertThat(products.body().get("products").findValuesAsString("name")).contains("products/server-basic",
				"products/ssd-disk", "products/internet-traffic", "products/office-suite", "products/nas");
		Response nas = get("/v1/products/nas", TestTokens.console("demo-account", "someone"));
		assertThat(nas.body().get("purchasable").asBoolean()).isFalse();
		assertThat(nas.text("/family")).isEqualTo("IAAS");

		Response skus = get("/v1/products/office-suite/skus", TestTokens.partner("demo-account"));
		assertThat(skus.body().get("skus").findValuesAsString("name"))
			.containsExactly("products/office-suite/skus/premium", "products/office-suite/skus/standard");
		assertThat(skus.body().at("/skus/1/meters/0/unit").asString()).isEqualTo("SEAT_MONTH");

		Response offer = get("/v1/offers/server-basic-2vcpu-4gb-monthly", TestTokens.partner("demo-account"));
		assertThat(offer.status()).isEqualTo(200);
		assertThat(offer.text("/sku")).isEqualTo("products/server-basic/skus/basic-2vcpu-4gb");
		assertThat(offer.text("/plan/paymentPlan")).isEqualTo("FLEXIBLE");
		assertThat(offer.body().at("/plan/paymentCycle/duration").asInt()).isEqualTo(1);
		assertThat(offer.text("/prices/0/listPrice/amount")).isEqualTo("45");
		assertThat(offer.text("/monthlyPrice/amount")).isEqualTo("30000");
		assertThat(offer.text("/monthlyPrice/currencyCode")).isEqualTo("KRW");
		Response payg = get("/v1/offers/internet-egress-payg", TestTokens.partner("demo-account"));
		assertThat(payg.body().has("monthlyPrice")).isFalse();

		Response missing = get("/v1/products/no-such-thing", TestTokens.partner("demo-account"));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.text("/code")).isEqualTo("PRODUCT_NOT_FOUND");
		assertThat(get("/v1/products", null).status()).isEqualTo(401);
	}

	@Test
	void describesTheApiWithBearerAuthAndProblems() {
		Response docs = get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.headers().getFirst("X-Request-Id")).isNotBlank();
		assertThat(docs.body().at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
		assertThat(docs.body().at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();
		assertThat(docs.body().at("/servers/0/url").asString()).isEqualTo("http://localhost:8080");
		JsonNode create = docs.body()
			.at("/paths/~1v1~1accounts~1{accountId}~1customers~1{customerId}~1entitlements/post");
		assertThat(create.at("/responses/4XX/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
		assertThat(create.at("/requestBody/content/application~1json/example/offer").asString())
			.isEqualTo("offers/office-standard-flex");
		assertThat(create.at("/responses/202").isMissingNode()).isFalse();
		assertThat(docs.body().at("/components/schemas/VerifiedToken").isMissingNode()).isTrue();
	}

	@Test
	void pagesThroughOffersWithTokens() {
		List<String> names = new ArrayList<>();
		String token = "";
		do {
			Response page = get("/v1/offers?pageSize=2&pageToken=" + token, TestTokens.operator());
			assertThat(page.body().get("offers").size()).isLessThanOrEqualTo(2);
			page.body().get("offers").forEach((o) -> names.add(o.get("name").asString()));
			token = page.text("/nextPageToken");
		}
		while (!token.isEmpty());
		assertThat(names).doesNotHaveDuplicates()
			.contains("offers/office-standard-annual", "offers/ssd-100gb-monthly")
			.isSortedAccordingTo(String::compareTo);
		Response bad = get("/v1/offers?pageToken=garbage!", TestTokens.operator());
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.text("/code")).isEqualTo("INVALID_PAGE_TOKEN");
	}

	@Test
	void operatorCreatesProductSkuAndOfferAndTheOfferIsPublished() {
		String id = "gpu-" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> product = Map.of("id", id, "displayName", "GPU Server", "family", "IAAS");
		Response refused = post("/v1/products", TestTokens.partner("demo-account"), product);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.headers().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(refused.text("/code")).isEqualTo("OPERATOR_ONLY");

		Response created = post("/v1/products", TestTokens.operator(), product);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.text("/name")).isEqualTo("products/" + id);
		assertThat(created.body().get("purchasable").asBoolean()).isTrue();
		assertThat(post("/v1/products", TestTokens.operator(), product).text("/code")).isEqualTo("PRODUCT_EXISTS");

		Response sku = post("/v1/products/" + id + "/skus", TestTokens.operator(), Map.of("id", "a100", "displayName",
				"A100", "meters", List.of(Map.of("meter", "gpu-hours", "unit", "HOUR"))));
		assertThat(sku.status()).isEqualTo(201);
		assertThat(sku.text("/name")).isEqualTo("products/" + id + "/skus/a100");

		String offerBody = """
				{"id": "%s-monthly", "sku": "products/%s/skus/a100", "displayName": "A100 monthly",
				 "plan": {"paymentPlan": "FLEXIBLE", "paymentCycle": {"duration": 1, "periodType": "MONTH"}},
				 "prices": [{"meter": "gpu-hours", "unit": "HOUR", "listPrice": {"currencyCode": "KRW", "amount": "1200.50"}}],
				 "monthlyPrice": {"currencyCode": "KRW", "amount": "800000"}}
				"""
			.formatted(id, id);
		Response wrongUnit = post("/v1/offers", TestTokens.operator(), offerBody.replace("\"HOUR\"", "\"GB\""));
		assertThat(wrongUnit.status()).isEqualTo(400);
		assertThat(wrongUnit.text("/errors/0/field")).isEqualTo("prices[0].unit");
		assertThat(post("/v1/offers", TestTokens.partner("demo-account"), offerBody).status()).isEqualTo(403);

		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
		Response offer = call(HttpMethod.POST, "/v1/offers", TestTokens.operator(), offerBody,
				Map.of("traceparent", traceparent));
		assertThat(offer.status()).isEqualTo(201);
		assertThat(offer.text("/name")).isEqualTo("offers/" + id + "-monthly");
		assertThat(offer.text("/prices/0/listPrice/amount")).isEqualTo("1200.5");

		ConsumerRecord<String, String> record = consume("entitlement-events", "offers/" + id + "-monthly",
				(e) -> e.get("type").asString().equals("offer.published"));
		JsonNode event = this.json.readTree(record.value());
		assertThat(event.get("source").asString()).isEqualTo("/entitlement-service");
		assertThat(event.get("traceparent").asString()).isEqualTo(traceparent);
		assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8))
			.isEqualTo(traceparent);
		JsonNode data = event.get("data");
		assertThat(data.get("product").asString()).isEqualTo("products/" + id);
		assertThat(data.get("family").asString()).isEqualTo("IAAS");
		assertThat(data.at("/prices/0/listPrice/amount").asString()).isEqualTo("1200.5");
		assertThat(data.at("/monthlyPrice/amount").asString()).isEqualTo("800000");
		assertThat(data.get("effectiveTime").asString()).isNotBlank();
	}

}
