package com.cloudpartner.deploy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile values, generated from each service's own OpenAPI document, sent to every
 * operation of every service of the running suite (directly, past the gateway's rate
 * limits) and to the gateway: a NUL character, an unpaired surrogate (in JSON, and as its
 * invalid UTF-8 bytes in a URL), 10,000 characters, numbers out of range, values of the
 * wrong type, page sizes and tokens that are not ones, an Idempotency-Key of 10,000
 * characters and oversized headers. Never a 5xx; every refusal problem+json with a code;
 * a NUL or an unpaired surrogate is never accepted. Only values that are refused are put
 * in bodies (so the pass leaves no data behind); free values go to path and query
 * parameters, which read.
 */
class BadInputFuzzIT {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final String LONG = "x".repeat(10_000);

	/** Values for a URL: raw, already percent-encoded. */
	private static final Map<String, Boolean> URL_VALUES = urlValues();

	private static LocalRunSettings settings;

	private static GatewayClient gateway;

	private static String operator;

	private static String account;

	@BeforeAll
	static void startTheSuite() throws Exception {
		settings = SharedSuite.get().settings();
		gateway = new GatewayClient(settings.gatewayUrl());
		operator = gateway.token("local-operator", "local-operator-secret");
		account = Onboarding.approvedPartner(gateway,
				"fz" + UUID.randomUUID().toString().replace("-", "").substring(0, 8), "Pw!12345x");
	}

	/** Each value percent-encoded, and whether it must be refused (NUL, bad UTF-8). */
	private static Map<String, Boolean> urlValues() {
		Map<String, Boolean> values = new LinkedHashMap<>();
		values.put("a%00b", true);
		values.put("%ED%A0%80", false);
		values.put(LONG.substring(0, 3000), false);
		values.put("-1", false);
		values.put("0", false);
		values.put("99999999999999999999999", false);
		values.put("%7B%22a%22%3A1%7D", false);
		values.put("..%2F..%2Fetc", false);
		return values;
	}

	@Test
	void everyOperationOfEveryServiceRefusesHostileValuesWithProblemJson() throws Exception {
		String partner = "http://localhost:" + settings.partnerPort();
		String billing = "http://localhost:" + settings.billingPort();
		// each service directly, and two of them again through the gateway (its own
		// refusals, and the services' answers passed on)
		List<Target> targets = List.of(new Target("partner", partner, partner), new Target("entitlement",
				"http://localhost:" + settings.entitlementPort(), "http://localhost:" + settings.entitlementPort()),
				new Target("billing", billing, billing),
				new Target("console", "http://localhost:" + settings.consolePort(),
						"http://localhost:" + settings.consolePort()),
				new Target("gateway/partner", partner, settings.gatewayUrl()),
				new Target("gateway/billing", billing, settings.gatewayUrl()));
		List<String> failures = new ArrayList<>();
		int sent = 0;
		for (Target target : targets) {
			String base = target.sendTo();
			JsonNode doc = GatewayClient.JSON
				.readTree(send(HttpRequest.newBuilder(URI.create(target.documentOf() + "/v3/api-docs"))
					.timeout(Duration.ofSeconds(20))
					.build()).body());
			for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
					if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
						continue;
					}
					Operation op = new Operation(doc, target.name(), base, method, path.getKey(), operation.getValue(),
							path.getValue().path("parameters"));
					for (Case c : op.cases()) {
						sent++;
						HttpResponse<String> response = send(c.request());
						String failure = judge(c, response);
						if (failure != null) {
							failures.add(target.name() + " " + method + " " + path.getKey() + " [" + c.what() + "] "
									+ failure);
						}
					}
				}
			}
		}
		System.out.println("[fuzz] " + sent + " hostile requests to the services, " + failures.size() + " failures");
		assertThat(sent).isGreaterThan(500);
		assertThat(failures).as("answers to hostile input").isEmpty();
	}

	@Test
	void theGatewayAndEveryServiceAnswerOversizedHeadersAndKeysWithProblemJson() throws Exception {
		List<String> bases = List.of(settings.gatewayUrl(), "http://localhost:" + settings.partnerPort(),
				"http://localhost:" + settings.entitlementPort(), "http://localhost:" + settings.billingPort(),
				"http://localhost:" + settings.consolePort());
		for (String base : bases) {
			HttpResponse<String> huge = send(HttpRequest.newBuilder(URI.create(base + "/v1/accounts/" + account))
				.header("Authorization", "Bearer " + operator)
				.header("Accept", "application/json")
				.header("X-Filler", "f".repeat(20_000))
				.timeout(Duration.ofSeconds(20))
				.build());
			assertProblem(base + " 20 KB header", huge, 431, "REQUEST_HEADERS_TOO_LARGE");
		}
		String customers = "/v1/accounts/" + account + "/customers";
		for (String base : List.of(settings.gatewayUrl(), "http://localhost:" + settings.partnerPort())) {
			HttpResponse<String> longKey = send(HttpRequest.newBuilder(URI.create(base + customers))
				.header("Authorization", "Bearer " + operator)
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", "k".repeat(10_000))
				.POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"fuzzkey\",\"displayName\":\"Key\"}"))
				.timeout(Duration.ofSeconds(20))
				.build());
			assertProblem(base + " long Idempotency-Key", longKey, 400, "IDEMPOTENCY_KEY_INVALID");
			HttpResponse<String> tenK = send(HttpRequest.newBuilder(URI.create(base + customers))
				.header("Authorization", "Bearer " + operator)
				.header("X-Filler", "f".repeat(10_000))
				.timeout(Duration.ofSeconds(20))
				.build());
			assertThat(tenK.statusCode()).as(base + " 10 KB header " + tenK.body()).isEqualTo(200);
		}
		HttpResponse<String> nul = send(HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + customers))
			.header("Authorization", "Bearer " + operator)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"fuzznul\",\"displayName\":\"a\\u0000b\"}"))
			.timeout(Duration.ofSeconds(20))
			.build());
		assertProblem("gateway NUL displayName", nul, 400, "VALIDATION_FAILED");
		HttpResponse<String> badToken = send(gateway.get(customers + "?pageToken=garbage", operator).build());
		assertProblem("gateway garbage pageToken", badToken, 400, "INVALID_PAGE_TOKEN");
		HttpResponse<String> zero = send(gateway.get(customers + "?pageSize=0", operator).build());
		assertProblem("gateway pageSize=0", zero, 400, "VALIDATION_FAILED");
	}

	private static void assertProblem(String what, HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
			.startsWith("application/problem+json");
		assertThat(GatewayClient.JSON.readTree(response.body()).path("code").asString()).as(what).isEqualTo(code);
	}

	private static String judge(Case c, HttpResponse<String> response) {
		int status = response.statusCode();
		String body = response.body();
		String shown = body.substring(0, Math.min(200, body.length()));
		if (status >= 500) {
			return status + " " + shown;
		}
		if (status >= 400) {
			if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
				return status + " without problem+json: " + shown;
			}
			JsonNode problem;
			try {
				problem = GatewayClient.JSON.readTree(body);
			}
			catch (RuntimeException ex) {
				return status + " unreadable problem: " + shown;
			}
			if (!problem.path("code").asString("").matches("[A-Z][A-Z0-9_]+")) {
				return status + " without a code: " + shown;
			}
			return null;
		}
		if (c.mustBeRefused()) {
			return "accepted with " + status + ": " + shown;
		}
		return null;
	}

	private static HttpResponse<String> send(HttpRequest request) throws Exception {
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** Where the operations of a document are sent. */
	record Target(String name, String documentOf, String sendTo) {
	}

	/** One hostile request and whether it must be refused (4xx). */
	record Case(String what, HttpRequest request, boolean mustBeRefused) {
	}

	/** One operation of a document and the hostile requests made from it. */
	private static final class Operation {

		private final JsonNode doc;

		private final String service;

		private final String base;

		private final String method;

		private final String path;

		private final JsonNode operation;

		private final List<JsonNode> parameters = new ArrayList<>();

		Operation(JsonNode doc, String service, String base, String method, String path, JsonNode operation,
				JsonNode pathParameters) {
			this.doc = doc;
			this.service = service;
			this.base = base;
			this.method = method;
			this.path = path;
			this.operation = operation;
			pathParameters.forEach((p) -> this.parameters.add(resolve(p)));
			operation.path("parameters").forEach((p) -> this.parameters.add(resolve(p)));
		}

		List<Case> cases() {
			List<Case> cases = new ArrayList<>();
			String body = validBody();
			for (JsonNode parameter : this.parameters) {
				String in = parameter.path("in").asString();
				String name = parameter.path("name").asString();
				if (!in.equals("path") && !in.equals("query")) {
					continue;
				}
				for (Map.Entry<String, Boolean> value : URL_VALUES.entrySet()) {
					String url = in.equals("path") ? url(name, value.getKey(), null, null)
							: url(null, null, name, value.getKey());
					boolean refused = value.getValue() || isPaging(name, value.getKey());
					cases.add(new Case(in + " " + name + "=" + abbreviate(value.getKey()), request(url, body, null),
							refused));
				}
			}
			JsonNode schema = bodySchema();
			if (schema != null) {
				String url = url(null, null, null, null);
				cases.add(new Case("body NUL string", request(url, "\"a\\u0000b\"", null), true));
				cases.add(new Case("body not JSON", request(url, "{\"a\":", null), true));
				if (schema.path("type").asString("object").equals("object")) {
					for (Map.Entry<String, JsonNode> property : properties(schema)) {
						for (Map.Entry<String, String> value : hostileJson(resolve(property.getValue())).entrySet()) {
							ObjectNode hostile = (ObjectNode) GatewayClient.JSON.readTree(body);
							hostile.set(property.getKey(), GatewayClient.JSON.readTree(value.getValue()));
							cases.add(new Case("body " + property.getKey() + " " + value.getKey(),
									request(url, asciiJson(hostile.toString()), null), true));
						}
					}
				}
				if (this.method.equals("POST")) {
					cases.add(new Case("Idempotency-Key of 10,000 characters", request(url, body, "k".repeat(10_000)),
							true));
				}
			}
			return cases;
		}

		/**
		 * JSON with every non-ASCII character escaped: a lone surrogate written raw would
		 * reach the service as {@code ?} (the client's UTF-8 encoder replaces it).
		 */
		private static String asciiJson(String json) {
			StringBuilder out = new StringBuilder(json.length());
			for (char c : json.toCharArray()) {
				if (c > 0x7e) {
					out.append(String.format("\\u%04x", (int) c));
				}
				else {
					out.append(c);
				}
			}
			return out.toString();
		}

		private static boolean isPaging(String name, String value) {
			// no page size but 1..500 is one, no string but a token the list issued is a
			// token
			return name.equals("pageSize") || name.equals("pageToken");
		}

		/** Values that a property of this schema must refuse, as JSON. */
		private static Map<String, String> hostileJson(JsonNode schema) {
			Map<String, String> values = new LinkedHashMap<>();
			String type = schema.path("type").asString("");
			values.put("NUL", "\"a\\u0000b\"");
			values.put("lone surrogate", "\"a\\ud800b\"");
			values.put("lone low surrogate", "\"\\udc00\"");
			switch (type) {
				case "integer" -> values.put("out of range", "99999999999999999999999999");
				case "string" -> {
					if (!schema.has("enum") && !schema.has("format")) {
						values.put("object for a string", "{\"a\":[1]}");
					}
				}
				case "array" -> values.put("string for an array", "\"\\u0000\"");
				default -> {
				}
			}
			return values;
		}

		private String validBody() {
			JsonNode content = requestContent();
			if (content == null) {
				return null;
			}
			JsonNode example = content.path("example");
			if (example.isMissingNode() || example.isNull()) {
				for (JsonNode named : content.path("examples")) {
					example = resolve(named).path("value");
					break;
				}
			}
			if (example.isObject()) {
				return example.toString();
			}
			if (example.isString() && example.asString().trim().startsWith("{")) {
				return example.asString();
			}
			return "{}";
		}

		private JsonNode bodySchema() {
			JsonNode content = requestContent();
			return (content != null) ? resolve(content.path("schema")) : null;
		}

		private JsonNode requestContent() {
			JsonNode body = resolve(this.operation.path("requestBody"));
			JsonNode json = body.path("content").path("application/json");
			return json.isMissingNode() ? null : json;
		}

		private Iterable<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
			Map<String, JsonNode> all = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
				all.put(p.getKey(), p.getValue());
			}
			for (JsonNode part : schema.path("allOf")) {
				for (Map.Entry<String, JsonNode> p : resolve(part).path("properties").properties()) {
					all.put(p.getKey(), p.getValue());
				}
			}
			return all.entrySet();
		}

		private JsonNode resolve(JsonNode node) {
			JsonNode current = node;
			for (int i = 0; i < 10 && current.has("$ref"); i++) {
				String ref = current.path("$ref").asString();
				current = this.doc.at(ref.substring(1));
			}
			return current;
		}

		/** The URL with plausible values, one path or query parameter replaced. */
		private String url(String pathName, String pathValue, String queryName, String queryValue) {
			String url = this.path;
			for (JsonNode parameter : this.parameters) {
				if (!parameter.path("in").asString().equals("path")) {
					continue;
				}
				String name = parameter.path("name").asString();
				String value = name.equals(pathName) ? pathValue : plausible(name);
				url = url.replace("{" + name + "}", value);
			}
			if (queryName != null) {
				url += "?" + URLEncoder.encode(queryName, StandardCharsets.UTF_8) + "=" + queryValue;
			}
			return this.base + url;
		}

		private static String plausible(String name) {
			return switch (name) {
				case "accountId", "a" -> account;
				default -> "fuzz-" + name;
			};
		}

		private HttpRequest request(String url, String body, String idempotencyKey) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(20))
				.header("Authorization", "Bearer " + operator)
				.header("Accept", "application/json");
			if (idempotencyKey != null) {
				request.header("Idempotency-Key", idempotencyKey);
			}
			if (body != null) {
				request.header("Content-Type", "application/json");
				request.method(this.method, HttpRequest.BodyPublishers.ofString(body));
			}
			else {
				request.method(this.method, HttpRequest.BodyPublishers.noBody());
			}
			return request.build();
		}

		private static String abbreviate(String value) {
			return (value.length() > 20) ? value.substring(0, 8) + "...(" + value.length() + ")" : value;
		}

		@Override
		public String toString() {
			return this.service + " " + this.method + " " + this.path;
		}

	}

}
