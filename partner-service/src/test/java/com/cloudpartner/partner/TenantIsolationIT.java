package com.cloudpartner.partner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner A's token against every account-scoped path of partner B. */
class TenantIsolationIT extends PartnerServiceITSupport {

	@Test
	void partnerACannotReadOrChangeAnythingOfPartnerB() {
		String a = newAccount();
		String b = newAccount();
		String tokenA = partnerToken(a);
		String tokenB = partnerToken(b);
		String customer = post("/v1/accounts/" + b + "/customers", tokenB,
				Map.of("userId", "b_user", "displayName", "B's user"))
			.text("id");
		JsonNode credential = newCredential(b);
		String clientId = credential.get("clientId").asString();
		patch("/v1/accounts/" + b, tokenB, Map.of("callbackUrl", "https://b.example.com/cb"));
		String before = snapshot(b, customer);

		String base = "/v1/accounts/" + b;
		List<Attempt> attempts = List.of(new Attempt("GET", base, null),
				new Attempt("PATCH", base, Map.of("callbackUrl", "https://evil.example.com/cb")),
				new Attempt("POST", base + "/suspend", Map.of()), new Attempt("POST", base + "/reinstate", Map.of()),
				new Attempt("POST", base + "/credentials", Map.of()), new Attempt("GET", base + "/credentials", null),
				new Attempt("DELETE", base + "/credentials/" + clientId, null),
				new Attempt("POST", base + "/customers", Map.of("userId", "evil_user", "displayName", "E")),
				new Attempt("GET", base + "/customers", null),
				new Attempt("GET", base + "/customers/" + customer, null),
				new Attempt("PATCH", base + "/customers/" + customer, Map.of("displayName", "pwned")),
				new Attempt("DELETE", base + "/customers/" + customer, null),
				new Attempt("POST", base + "/customers/" + customer + "/console-tokens", Map.of()),
				new Attempt("POST", base + "/webhook-secret", Map.of()),
				new Attempt("GET", base + "/webhook-deliveries", null));
		for (Attempt attempt : attempts) {
			Response response = send(attempt.method(), attempt.path(), tokenA, attempt.body(), Map.of());
			assertThat(response.status()).as(attempt.method() + " " + attempt.path()).isIn(403, 404);
			assertThat(response.raw()).doesNotContain("b_user").doesNotContain("b.example.com");
		}
		assertThat(snapshot(b, customer)).isEqualTo(before);
		assertThat(tokenRequest(clientId, credential.get("clientSecret").asString(),
				Map.of("grant_type", "client_credentials"))
			.status()).isEqualTo(200);
	}

	private String snapshot(String account, String customer) {
		String operator = operatorToken();
		JsonNode accountBody = get("/v1/accounts/" + account, operator).body();
		return accountBody.get("callbackUrl") + "|" + accountBody.get("state") + "|" + accountBody.get("contract") + "|"
				+ get("/v1/accounts/" + account + "/customers", operator).body().get("customers") + "|"
				+ get("/v1/accounts/" + account + "/customers/" + customer, operator).body() + "|"
				+ get("/v1/accounts/" + account + "/credentials", operator).body().get("credentials");
	}

	record Attempt(String method, String path, Object body) {
	}

}
