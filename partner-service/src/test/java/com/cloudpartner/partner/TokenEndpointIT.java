package com.cloudpartner.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.security.JwksKeySource;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedToken;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointIT extends PartnerServiceITSupport {

	@Test
	void issuesAnOperatorTokenForHttpBasic() {
		Response response = tokenRequest(OPERATOR_ID, OPERATOR_SECRET, Map.of("grant_type", "client_credentials"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.text("token_type")).isEqualTo("Bearer");
		assertThat(response.body().get("expires_in").asInt()).isEqualTo(900);
		assertThat(response.text("scope")).isEqualTo("operator");
	}

	@Test
	void issuesAPartnerTokenForFormFieldsThatVerifiesAgainstThePublishedJwks() {
		String account = newAccount();
		JsonNode credential = newCredential(account);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", credential.get("clientId").asString());
		form.put("client_secret", credential.get("clientSecret").asString());
		form.put("scope", "partner usage.write");
		Response response = tokenRequest(null, null, form);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		assertThat(response.text("scope")).isEqualTo("partner usage.write");

		JwksKeySource jwks = new JwksKeySource(uri("/.well-known/jwks.json"), Duration.ofSeconds(1),
				Duration.ofMinutes(1), Clock.systemUTC());
		TokenVerifier verifier = new TokenVerifier(jwks, "cloud-partner-platform", List.of("partner-api"),
				Duration.ofSeconds(30), Clock.systemUTC());
		VerifiedToken token = verifier.verify(response.text("access_token"));
		assertThat(token.subject()).isEqualTo(credential.get("clientId").asString());
		assertThat(token.accountId()).isEqualTo(account);
		assertThat(token.scopes()).containsExactlyInAnyOrder("partner", "usage.write");

		JsonNode keys = get("/.well-known/jwks.json", null).body().get("keys");
		assertThat(keys.get(0).get("alg").asString()).isEqualTo("RS256");
		assertThat(keys.get(0).get("use").asString()).isEqualTo("sig");
		assertThat(keys.get(0).has("d")).isFalse();
	}

	@Test
	void refusesAWrongSecretAsInvalidClientWithAChallenge() {
		Response response = tokenRequest(OPERATOR_ID, "wrong", Map.of("grant_type", "client_credentials"));
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.text("error")).isEqualTo("invalid_client");
		assertThat(response.text("error_description")).isNotBlank();
		assertThat(response.text("code")).isEqualTo("INVALID_CLIENT");
		assertThat(response.body().get("status").asInt()).isEqualTo(401);
		assertThat(response.text("title")).isEqualTo("Unauthorized");
		assertThat(response.text("type")).isNotBlank();

		Map<String, String> form = Map.of("grant_type", "client_credentials", "client_id", "nobody", "client_secret",
				"x");
		Response unknown = tokenRequest(null, null, form);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.header("WWW-Authenticate")).isNull();
	}

	@Test
	void refusesOtherGrantsAndScopesBeyondTheClient() {
		Response grant = tokenRequest(OPERATOR_ID, OPERATOR_SECRET, Map.of("grant_type", "password"));
		assertThat(grant.status()).isEqualTo(400);
		assertThat(grant.text("error")).isEqualTo("unsupported_grant_type");
		assertThat(grant.text("code")).isEqualTo("UNSUPPORTED_GRANT_TYPE");

		Response missing = tokenRequest(OPERATOR_ID, OPERATOR_SECRET, Map.of("scope", "operator"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.text("error")).isEqualTo("invalid_request");

		Response scope = tokenRequest(OPERATOR_ID, OPERATOR_SECRET,
				Map.of("grant_type", "client_credentials", "scope", "operator console"));
		assertThat(scope.status()).isEqualTo(400);
		assertThat(scope.text("error")).isEqualTo("invalid_scope");
	}

	@Test
	void aRevokedCredentialGetsNoToken() {
		String account = newAccount();
		JsonNode credential = newCredential(account);
		String clientId = credential.get("clientId").asString();
		String secret = credential.get("clientSecret").asString();
		assertThat(tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials")).status()).isEqualTo(200);

		Response listed = get("/v1/accounts/" + account + "/credentials", operatorToken());
		assertThat(listed.body().get("credentials").get(0).get("clientId").asString()).isEqualTo(clientId);
		assertThat(listed.body().get("credentials").get(0).has("clientSecret")).isFalse();

		assertThat(delete("/v1/accounts/" + account + "/credentials/" + clientId, operatorToken()).status())
			.isEqualTo(204);
		assertThat(tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials")).status()).isEqualTo(401);
	}

	@Test
	void rotationKeepsTheOldKeyPublishedAndItsTokensValid() {
		String account = newAccount();
		String before = partnerToken(account);
		Response rotated = post("/v1/signing-keys/rotate", operatorToken(), null);
		assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
		String newKid = rotated.text("kid");

		JsonNode keys = get("/.well-known/jwks.json", null).body().get("keys");
		assertThat(keys.size()).isGreaterThanOrEqualTo(2);
		assertThat(keys.valueStream().map((k) -> k.get("kid").asString())).contains(newKid);

		assertThat(get("/v1/accounts/" + account, before).status()).isEqualTo(200);
		String after = partnerToken(account);
		assertThat(get("/v1/accounts/" + account, after).status()).isEqualTo(200);
		assertThat(post("/v1/signing-keys/rotate", after, null).status()).isEqualTo(403);
	}

	@Test
	void refusesRequestsWithoutAToken() {
		Response response = get("/v1/accounts/demo-account", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.text("code")).isEqualTo("TOKEN_MISSING");
	}

	@Test
	void slowsDownAClientThatAsksTooOften() {
		String client = "flood-" + java.util.UUID.randomUUID();
		Response limited = null;
		for (int i = 0; i < 200 && limited == null; i++) {
			Response response = tokenRequest(client, "wrong", Map.of("grant_type", "client_credentials"));
			if (response.status() == 429) {
				limited = response;
			}
			else {
				assertThat(response.status()).isEqualTo(401);
			}
		}
		assertThat(limited).as("no 429 within 200 requests").isNotNull();
		assertThat(limited.text("error")).isEqualTo("slow_down");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
		assertThat(tokenRequest(OPERATOR_ID, OPERATOR_SECRET, Map.of("grant_type", "client_credentials")).status())
			.as("other clients are not affected")
			.isEqualTo(200);
	}

	@org.springframework.beans.factory.annotation.Autowired
	com.cloudpartner.partner.keys.SigningKeys signingKeys;

	@Test
	void theScheduledRotationRotatesOnlyAnOldKeyAndKeepsTheOldOnePublished() {
		String before = this.signingKeys.active().kid();
		assertThat(this.signingKeys.rotateIfOlderThan(Duration.ofDays(30))).isFalse();
		assertThat(this.signingKeys.active().kid()).isEqualTo(before);
		assertThat(this.signingKeys.rotateIfOlderThan(Duration.ZERO)).isTrue();
		String after = this.signingKeys.active().kid();
		assertThat(after).isNotEqualTo(before);
		assertThat(get("/.well-known/jwks.json", null).body()
			.get("keys")
			.valueStream()
			.map((k) -> k.get("kid").asString())).contains(before, after);
	}

}
