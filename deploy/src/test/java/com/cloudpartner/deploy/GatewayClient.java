package com.cloudpartner.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The end-to-end tests' way into the running suite: HTTP through the gateway, as a
 * partner backend or an operator calls it.
 */
final class GatewayClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String gateway;

	GatewayClient(String gateway) {
		this.gateway = gateway;
	}

	String url(String path) {
		return this.gateway + path;
	}

	/** An access token of a client, by the client-credentials grant. */
	String token(String clientId, String secret) throws Exception {
		return token(clientId, secret, null);
	}

	/**
	 * An access token of a client with the given scopes (space-separated; the client's
	 * default ones when {@code null}), by the client-credentials grant.
	 */
	String token(String clientId, String secret, String scope) throws Exception {
		String form = "grant_type=client_credentials" + ((scope != null) ? "&scope=" + enc(scope) : "");
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url("/v1/oauth/token")))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(response.body());
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		return body.path("access_token").asString();
	}

	HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
	}

	HttpRequest.Builder get(String path, String token) {
		return get(path).header("Authorization", "Bearer " + token);
	}

	/** A JSON POST, with the bearer token when one is given. */
	HttpRequest post(String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Calls until the answer is what is awaited, for at most 60 s. */
	HttpResponse<String> eventually(String what, Call call, Predicate<HttpResponse<String>> done) throws Exception {
		Instant deadline = Instant.now().plusSeconds(60);
		HttpResponse<String> last = null;
		while (Instant.now().isBefore(deadline)) {
			last = call.send();
			if (done.test(last)) {
				return last;
			}
			Thread.sleep(500);
		}
		fail(what + " did not happen within 60 s; last answer "
				+ ((last != null) ? last.statusCode() + " " + last.body() : "none"));
		return last;
	}

	/**
	 * Disarms every failure of the simulated provider: the contract pass's fuzzing of
	 * {@code POST /v1/provider/faults} (operator) can leave operations armed to fail.
	 */
	void disarmProviderFaults() throws Exception {
		String operator = token("local-operator", "local-operator-secret");
		java.util.List<String> operations = new java.util.ArrayList<>(java.util.List.of("START_SERVER", "STOP_SERVER",
				"REBOOT_SERVER", "RESIZE_SERVER", "RESET_SERVER_PASSWORD"));
		for (String kind : new String[] { "SERVER", "DISK", "SNAPSHOT", "IMAGE", "PUBLIC_IP", "LOAD_BALANCER", "BUCKET",
				"FIREWALL_RULE" }) {
			for (String verb : new String[] { "CREATE_", "UPDATE_", "DELETE_" }) {
				operations.add(verb + kind);
			}
		}
		for (String operation : operations) {
			HttpResponse<String> disarmed = send(post("/v1/provider/faults", operator,
					"{\"operation\":\"" + operation + "\",\"count\":0,\"error\":\"NONE\"}"));
			assertThat(disarmed.statusCode()).as(operation + " " + disarmed.body()).isEqualTo(200);
		}
	}

	static void assertProblem(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo(code);
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One HTTP call that may be repeated. */
	@FunctionalInterface
	interface Call {

		HttpResponse<String> send() throws Exception;

	}

}
