package com.cloudpartner.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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

	private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

	private FakeBackend(String name, int port) throws IOException {
		this.name = name;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::echo);
		this.server.start();
	}

	static FakeBackend start(String name) {
		return start(name, 0);
	}

	/** On a given port, e.g. the one of {@link #deadUrl()}: a service coming back. */
	static FakeBackend start(String name, int port) {
		try {
			return new FakeBackend(name, port);
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

	/** How many requests reached the given path. */
	int calls(String path) {
		AtomicInteger count = this.calls.get(path);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Echoes the request; a path with {@code flaky} answers its first call with 503, one
	 * with {@code busy} every call with 503 and {@code Retry-After} (a service whose
	 * database is away), one with {@code slow} takes half a second.
	 */
	private void echo(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		int call = this.calls.computeIfAbsent(path, (p) -> new AtomicInteger()).incrementAndGet();
		if (path.contains("flaky") && call == 1) {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (path.contains("busy")) {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().add("Retry-After", "5");
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		if (path.contains("slow")) {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
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
