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

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
