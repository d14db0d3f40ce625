package com.cloudpartner.partner;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that PostgreSQL or Tomcat would refuse deep down (a NUL character, an unpaired
 * surrogate, an oversized header) is a 400/431 problem+json with a stable code at the
 * edge of the service, and nothing is stored.
 */
class BadInputIT extends PartnerServiceITSupport {

	@Test
	void refusesNulAndUnpairedSurrogatesInJsonBodies() {
		String account = newAccount();
		String token = partnerToken(account);
		String path = "/v1/accounts/" + account + "/customers";

		Response nul = post(path, token, "{\"userId\":\"nul01\",\"displayName\":\"Al\\u0000ice\"}");
		assertValidationFailed(nul, "displayName");
		Response surrogate = post(path, token, "{\"userId\":\"sur01\",\"displayName\":\"Al\\ud800ice\"}");
		assertValidationFailed(surrogate, "displayName");
		Response lowAlone = post(path, token, "{\"userId\":\"sur02\",\"displayName\":\"\\udc00\"}");
		assertValidationFailed(lowAlone, "displayName");
		assertThat(get(path, token).body().get("customers").size()).isZero();

		// a pair is a character like any other
		Response pair = post(path, token, "{\"userId\":\"pair01\",\"displayName\":\"Al \\ud83d\\ude00\"}");
		assertThat(pair.status()).as(pair.raw()).isEqualTo(201);
		assertThat(pair.text("displayName")).isEqualTo("Al \uD83D\uDE00");

		Response patched = patch(path + "/" + pair.text("id"), token, "{\"displayName\":\"x\\u0000\"}");
		assertValidationFailed(patched, "displayName");
		Response branding = patch("/v1/accounts/" + account, operatorToken(),
				"{\"branding\":{\"displayName\":\"Partner \\u0000\"}}");
		assertValidationFailed(branding, "branding.displayName");
		assertThat(get(path + "/" + pair.text("id"), token).text("displayName")).isEqualTo("Al \uD83D\uDE00");
	}

	@Test
	void refusesNulInQueryParametersPathsAndForms() {
		String account = newAccount();
		String token = partnerToken(account);
		Response query = get("/v1/accounts/" + account + "/customers?pageToken=a%00b", token);
		assertValidationFailed(query, "pageToken");
		Response form = tokenRequest(null, null,
				Map.of("grant_type", "client_credentials", "client_id", "a\u0000b", "client_secret", "x"));
		assertValidationFailed(form, "client_id");
		Response path = get("/v1/accounts/" + account + "/customers/a%00b", token);
		assertThat(path.status()).as(path.raw()).isEqualTo(400);
		assertThat(path.header("Content-Type")).startsWith("application/problem+json");
		assertThat(path.text("code")).isNotBlank();
	}

	@Test
	void boundsTheIdempotencyKeyAndAnswersOversizedHeadersWithProblemJson() {
		String account = newAccount();
		String token = partnerToken(account);
		String path = "/v1/accounts/" + account + "/customers";
		Response longKey = send("POST", path, token, Map.of("userId", "key01", "displayName", "Key"),
				Map.of("Idempotency-Key", "k".repeat(10_000)));
		assertThat(longKey.status()).as(longKey.raw()).isEqualTo(400);
		assertThat(longKey.header("Content-Type")).startsWith("application/problem+json");
		assertThat(longKey.text("code")).isEqualTo("IDEMPOTENCY_KEY_INVALID");
		Response spaced = send("POST", path, token, Map.of("userId", "key02", "displayName", "Key"),
				Map.of("Idempotency-Key", "a key"));
		assertThat(spaced.text("code")).isEqualTo("IDEMPOTENCY_KEY_INVALID");
		Response fine = send("POST", path, token, Map.of("userId", "key03", "displayName", "Key"),
				Map.of("Idempotency-Key", "k".repeat(255)));
		assertThat(fine.status()).as(fine.raw()).isEqualTo(201);

		Response huge = send("GET", path, token, null, Map.of("X-Filler", "f".repeat(20_000)));
		assertThat(huge.status()).as(huge.raw()).isEqualTo(431);
		assertThat(huge.header("Content-Type")).startsWith("application/problem+json");
		assertThat(huge.text("code")).isEqualTo("REQUEST_HEADERS_TOO_LARGE");
		assertThat(huge.raw()).doesNotContain("<html", "Tomcat");
	}

	@Test
	void refusesPageTokensItDidNotIssueAndPageSizesOutOfRange() {
		String account = newAccount();
		String token = partnerToken(account);
		String path = "/v1/accounts/" + account + "/customers";
		post(path, token, Map.of("userId", "page01", "displayName", "One"));
		post(path, token, Map.of("userId", "page02", "displayName", "Two"));
		String next = get(path + "?pageSize=1", token).text("nextPageToken");
		assertThat(get(path + "?pageSize=1&pageToken=" + next, token).status()).isEqualTo(200);

		String tampered = next.substring(0, next.length() - 1) + (next.endsWith("A") ? "B" : "A");
		for (String bad : new String[] { "garbage", tampered, next.substring(0, next.indexOf('.')),
				java.util.Base64.getUrlEncoder()
					.withoutPadding()
					.encodeToString("2020-01-01T00:00:00Z|x".getBytes()) }) {
			Response refused = get(path + "?pageToken=" + bad, token);
			assertThat(refused.status()).as(bad + " " + refused.raw()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("INVALID_PAGE_TOKEN");
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}
		for (String size : new String[] { "0", "-1", "501", "many", "99999999999" }) {
			Response refused = get(path + "?pageSize=" + size, token);
			assertThat(refused.status()).as(size + " " + refused.raw()).isEqualTo(400);
			assertThat(refused.text("code")).isEqualTo("VALIDATION_FAILED");
		}
	}

	private static void assertValidationFailed(Response response, String field) {
		assertThat(response.status()).as(response.raw()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.text("code")).isEqualTo("VALIDATION_FAILED");
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
	}

}
