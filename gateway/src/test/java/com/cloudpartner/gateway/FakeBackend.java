package com.cloudpartner.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in service on a loopback port that answers every request with what it received:
 * {@code {service, method, path, query, headers{lower-case name: first value}, body}}.
 */
final class FakeBackend {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String name;

	private final HttpServer server;

	private FakeBackend(String name) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::echo);
		this.server.start();
	}

	static FakeBackend start(String name) {
		try {
			return new FakeBackend(name);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A loopback URL where nothing listens: a service that is down. */
	static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void echo(HttpExchange exchange) throws IOException {
		Map<String, Object> echoed = new LinkedHashMap<>();
		echoed.put("service", this.name);
		echoed.put("method", exchange.getRequestMethod());
		echoed.put("path", exchange.getRequestURI().getRawPath());
		echoed.put("query", exchange.getRequestURI().getRawQuery());
		Map<String, String> headers = new LinkedHashMap<>();
		exchange.getRequestHeaders()
			.forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), String.join(",", values)));
		echoed.put("headers", headers);
		try (InputStream in = exchange.getRequestBody()) {
			echoed.put("body", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
		}
		byte[] body = JSON.writeValueAsBytes(echoed);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
