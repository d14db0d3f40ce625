package com.cloudpartner.entitlement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;

import static com.cloudpartner.entitlement.EntitlementLifecycleIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer moves from partner A to partner B (DOMAIN.md section 3): token naming B's
 * public id, import, transferable SKUs and offers, transfer; A's entitlement ends at the
 * transfer instant and B's begins at it.
 */
class TransferIT extends IntegrationTestSupport {

	@Test
	void movesACustomersEntitlementsToTheNewPartnerWithASingleUseToken() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String a = "acct-a-" + id;
		String b = "acct-b-" + id;
		String c = UUID.randomUUID().toString();
		approvePartner(a, "PA-" + id, c);
		approvePartner(b, "PB-" + id);
		String old = post("/v1/accounts/" + a + "/customers/" + c + "/entitlements", TestTokens.partner(a),
				Map.of("offer", "offers/iaas-payg", "billingAccount", "accounts/" + a + "/billingAccounts/demo-krw"))
			.text("/response/name");

		String tokens = "/v1/accounts/" + a + "/customers/" + c + "/transfer-tokens";
		assertProblem(post(tokens, TestTokens.partner(a), Map.of("targetPartnerPublicId", "NOBODY")), 404,
				"PARTNER_NOT_FOUND");
		assertThat(post(tokens, TestTokens.partner(b), Map.of("targetPartnerPublicId", "PB-" + id)).status())
			.isEqualTo(403);
		assertThat(post(tokens, TestTokens.console(a, "another"), Map.of("targetPartnerPublicId", "PB-" + id)).status())
			.isEqualTo(403);
		Response issued = post(tokens, TestTokens.console(a, c), Map.of("targetPartnerPublicId", "PB-" + id));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.text("/token");
		assertThat(Duration.between(Instant.now(), Instant.parse(issued.text("/expireTime"))).toDays()).isEqualTo(13);

		String imports = "/v1/accounts/" + b + "/customers/import";
		assertProblem(post("/v1/accounts/" + a + "/customers/import", TestTokens.partner(a),
				Map.of("transferToken", token, "userId", "u1")), 404, "TRANSFER_TOKEN_NOT_FOUND");
		assertThat(post(imports, TestTokens.partner(a), Map.of("transferToken", token, "userId", "u1")).status())
			.isEqualTo(403);
		Response imported = post(imports, TestTokens.partner(b), Map.of("transferToken", token, "userId", "bob"));
		assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
		assertThat(imported.text("/transferredFrom")).isEqualTo("accounts/" + a + "/customers/" + c);
		String newCustomer = imported.text("/id");
		assertThat(post(imports, TestTokens.partner(b), Map.of("transferToken", token, "userId", "bob")).text("/id"))
			.isEqualTo(newCustomer);

		String base = "/v1/accounts/" + b + "/customers/" + newCustomer;
		Response skus = get(base + "/transferable-skus", TestTokens.partner(b));
		assertThat(skus.text("/transferableSkus/0/sku")).isEqualTo("products/iaas/skus/payg");
		assertThat(skus.body().at("/transferableSkus/0/transferEligibility/isEligible").asBoolean()).isTrue();
		assertThat(get(base + "/transferable-skus", TestTokens.partner(a)).status()).isEqualTo(403);
		Response offers = get(base + "/transferable-offers?sku=products/iaas/skus/payg&billingAccount=accounts/" + b
				+ "/billingAccounts/demo-krw", TestTokens.partner(b));
		assertThat(offers.body().get("transferableOffers").findValuesAsString("name")).contains("offers/iaas-payg");
		assertThat(get(base + "/transferable-offers?sku=products/iaas/skus/payg", TestTokens.partner(a)).status())
			.isEqualTo(403);

		Map<String, Object> body = Map.of("transferToken", token, "entitlements", List
			.of(Map.of("offer", "offers/iaas-payg", "billingAccount", "accounts/" + b + "/billingAccounts/demo-krw")));
		assertThat(post(base + "/transfer-entitlements", TestTokens.partner(a), body).status()).isEqualTo(403);
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Response moved = call(HttpMethod.POST, base + "/transfer-entitlements", TestTokens.partner(b), body, key);
		assertThat(moved.status()).as(moved.body().toString()).isEqualTo(202);
		assertThat(moved.text("/metadata/type")).isEqualTo("TRANSFER_ENTITLEMENTS");
		assertThat(call(HttpMethod.POST, base + "/transfer-entitlements", TestTokens.partner(b), body, key).body())
			.isEqualTo(moved.body());
		String fresh = moved.text("/response/entitlements/0/name");
		assertThat(fresh).startsWith("accounts/" + b + "/customers/" + newCustomer + "/entitlements/");
		assertThat(get("/v1/" + fresh, TestTokens.partner(b)).text("/state")).isEqualTo("ACTIVE");
		assertThat(get("/v1/" + old, TestTokens.partner(a)).text("/state")).isEqualTo("CANCELLED");
		assertProblem(post(base + "/transfer-entitlements", TestTokens.partner(b), body), 409, "TRANSFER_TOKEN_USED");

		JsonNode transferred = this.json
			.readTree(consume("entitlement-events", fresh,
					(e) -> e.get("type").asString().equals("entitlement.transferred"))
				.value())
			.get("data");
		assertThat(transferred.get("fromEntitlement").asString()).isEqualTo(old);
		assertThat(transferred.get("toAccountId").asString()).isEqualTo(b);
		JsonNode cancelled = this.json
			.readTree(
					consume("entitlement-events", old, (e) -> e.get("type").asString().equals("entitlement.cancelled"))
						.value())
			.get("data");
		assertThat(cancelled.get("reason").asString()).isEqualTo("TRANSFERRED");
		assertThat(cancelled.get("updateTime").asString()).isEqualTo(transferred.get("transferTime").asString());
	}

	@Test
	void refusesAnExpiredToken() throws Exception {
		String id = UUID.randomUUID().toString().substring(0, 8);
		String a = "acct-a-" + id;
		String b = "acct-b-" + id;
		String c = UUID.randomUUID().toString();
		approvePartner(a, "PA-" + id, c);
		approvePartner(b, "PB-" + id);
		String token = post("/v1/accounts/" + a + "/customers/" + c + "/transfer-tokens", TestTokens.partner(a),
				Map.of("targetPartnerPublicId", "PB-" + id))
			.text("/token");
		try {
			this.clock.advance(Duration.ofDays(14).plusMinutes(1));
			assertProblem(post("/v1/accounts/" + b + "/customers/import", partnerAt(b),
					Map.of("transferToken", token, "userId", "late")), 409, "TRANSFER_TOKEN_EXPIRED");
		}
		finally {
			this.clock.reset();
		}
	}

}
