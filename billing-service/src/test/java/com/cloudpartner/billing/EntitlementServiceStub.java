package com.cloudpartner.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for entitlement-service's look-up of an account's entitlements ({@code POST
 * /v1/accounts/{a}/lookup-entitlements}), which billing asks for usage naming an
 * entitlement it has not heard of (decision 0073). It answers 401 without a bearer token
 * and 500 when an entitlement id starts with {@code broken-}. An entitlement whose id
 * starts with {@code missing-} does not exist; one {@linkplain #entitlement registered}
 * by a test exists under its account and customer only; any other exists under whatever
 * account and customer it is asked for (the entitlement the tests' usage names,
 * entitlement-service created it). Every request is kept for the tests to count.
 */
final class EntitlementServiceStub {

	private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

	private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

	private static final HttpServer SERVER = start();

	private EntitlementServiceStub() {
	}

	static String url() {
		return "http://localhost:" + SERVER.getAddress().getPort();
	}

	/** The entitlement exists, under this account and customer only. */
	static void entitlement(String accountId, String customerId, String entitlementId) {
		OWNERS.put(entitlementId, accountId + "/" + customerId);
	}

	/** The look-ups made for an account so far. */
	static List<Request> requestsOf(String accountId) {
		return REQUESTS.stream().filter((r) -> r.accountId().equals(accountId)).toList();
	}

	private static void lookUp(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String account = path.substring("/v1/accounts/".length(), path.indexOf('/', "/v1/accounts/".length()));
		String auth = exchange.getRequestHeaders().getFirst("Authorization");
		if (!"POST".equals(exchange.getRequestMethod()) || !path.endsWith("/lookup-entitlements")) {
			respond(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
			return;
		}
		JsonNode asked = BillingClient.JSON.readTree(exchange.getRequestBody().readAllBytes()).get("entitlements");
		REQUESTS.add(new Request(account, asked));
		if (auth == null || !auth.startsWith("Bearer ")) {
			respond(exchange, 401, "{\"code\":\"TOKEN_MISSING\"}");
			return;
		}
		ObjectNode answer = BillingClient.JSON.createObjectNode();
		ArrayNode found = answer.putArray("entitlements");
		for (JsonNode pair : asked) {
			String customer = pair.get("customerId").asString();
			String entitlement = pair.get("entitlementId").asString();
			if (entitlement.startsWith("broken-")) {
				respond(exchange, 500, "{\"code\":\"INTERNAL_ERROR\"}");
				return;
			}
			String owner = OWNERS.get(entitlement);
			if (!entitlement.startsWith("missing-") && (owner == null || owner.equals(account + "/" + customer))) {
				found.add(pair);
			}
		}
		respond(exchange, 200, answer.toString());
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/v1/accounts/", EntitlementServiceStub::lookUp);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One look-up as received.
	 *
	 * @param accountId the account of its path
	 * @param entitlements the (customer, entitlement) pairs asked about
	 */
	record Request(String accountId, JsonNode entitlements) {
	}

}
