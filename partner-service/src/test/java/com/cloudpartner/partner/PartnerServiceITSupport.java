package com.cloudpartner.partner;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.support.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one application context of the integration tests (same annotations on every IT),
 * with a small HTTP client. Tokens come from the service's own token endpoint, with the
 * bootstrap operator client of application-test.yml.
 */
@IntegrationTest
@ActiveProfiles("test")
abstract class PartnerServiceITSupport {

	static final String OPERATOR_ID = "test-operator";

	static final String OPERATOR_SECRET = "test-operator-secret-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	@Value("${local.server.port}")
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	PartnerAccountManagement accounts;

	Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	Response post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	Response delete(String path, String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers
				.ofString((body instanceof String text) ? text : this.json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return exchange(request.build());
	}

	/** A token request with HTTP Basic (when {@code basicUser} is given) and a form. */
	Response tokenRequest(String basicUser, String basicSecret, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"))));
		if (basicUser != null) {
			String credentials = encode(basicUser) + ":" + encode(basicSecret);
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return exchange(request.build());
	}

	String operatorToken() {
		Response response = tokenRequest(OPERATOR_ID, OPERATOR_SECRET, Map.of("grant_type", "client_credentials"));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body().get("access_token").asString();
	}

	/** A new approved partner account with a unique id. */
	String newAccount() {
		String id = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createApproved(new PartnerAccountManagement.NewPartner(id, id.toUpperCase(), "Partner " + id,
				new PartnerAccount.Contract("C-" + id, new BigDecimal("15"), "KRW"),
				List.of(new PartnerAccountManagement.NewBillingAccount("krw", "KRW account", "KRW", "KR"))));
		return id;
	}

	/** A credential of the account, made by the operator: {clientId, clientSecret}. */
	JsonNode newCredential(String accountId) {
		Response created = post("/v1/accounts/" + accountId + "/credentials", operatorToken(), Map.of());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.body();
	}

	/** A partner token of the account, from a new credential through the form fields. */
	String partnerToken(String accountId) {
		JsonNode credential = newCredential(accountId);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", credential.get("clientId").asString());
		form.put("client_secret", credential.get("clientSecret").asString());
		Response response = tokenRequest(null, null, form);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body().get("access_token").asString();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode body = (raw == null || raw.isBlank()) ? null : this.json.readTree(raw);
			return new Response(response.statusCode(), response.headers(), body, raw);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String text(String field) {
			JsonNode node = this.body.get(field);
			return (node != null && !node.isNull()) ? node.asString() : null;
		}

	}

}
