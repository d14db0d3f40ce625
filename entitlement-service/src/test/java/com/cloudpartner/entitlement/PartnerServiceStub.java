package com.cloudpartner.entitlement;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for partner-service's customer look-up on a loopback port: customers whose
 * id starts with {@code remote-} exist, {@code broken-} ones make it fail with 500,
 * everything else is 404. Requests without a bearer token are refused with 401.
 */
final class PartnerServiceStub {

	private static String url;

	private PartnerServiceStub() {
	}

	static synchronized String url() {
		if (url == null) {
			url = start();
		}
		return url;
	}

	private static String start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/v1/accounts/", PartnerServiceStub::handle);
			server.start();
			return "http://127.0.0.1:" + server.getAddress().getPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String customer = path.substring(path.lastIndexOf('/') + 1);
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			respond(exchange, 401, "{\"code\":\"TOKEN_MISSING\"}");
		}
		else if ("POST".equals(exchange.getRequestMethod()) && path.endsWith("/customers")) {
			create(exchange, path);
		}
		else if (customer.startsWith("remote-")) {
			respond(exchange, 200, "{\"name\":\"" + path.substring(4) + "\",\"id\":\"" + customer
					+ "\",\"userId\":\"user-" + customer + "\",\"displayName\":\"Remote\",\"unknown\":true}");
		}
		else if (customer.startsWith("broken-")) {
			respond(exchange, 500, "{\"code\":\"INTERNAL_ERROR\"}");
		}
		else {
			respond(exchange, 404, "{\"code\":\"CUSTOMER_NOT_FOUND\"}");
		}
	}

	/**
	 * Customer creation (a transfer's import): the id follows from the Idempotency-Key,
	 * so a retried import gets the same customer; user id {@code taken} is 409.
	 */
	private static void create(HttpExchange exchange, String path) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		java.util.regex.Matcher user = java.util.regex.Pattern.compile("\"userId\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
		String userId = user.find() ? user.group(1) : "";
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		if ("taken".equals(userId)) {
			respond(exchange, 409, "{\"code\":\"CUSTOMER_EXISTS\"}");
			return;
		}
		String id = java.util.UUID.nameUUIDFromBytes(String.valueOf(key).getBytes(StandardCharsets.UTF_8)).toString();
		respond(exchange, 201, "{\"name\":\"" + path.substring(4) + "/" + id + "\",\"id\":\"" + id + "\",\"userId\":\""
				+ userId + "\",\"displayName\":\"Imported\"}");
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
