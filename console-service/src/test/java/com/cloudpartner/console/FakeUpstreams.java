package com.cloudpartner.console;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudpartner.support.test.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * partner-service, entitlement-service and billing-service as far as the console uses
 * them, on one loopback port. Tests script the answers per account or customer.
 */
final class FakeUpstreams {

	static final String CLIENT_ID = "console-service-test";

	static final String CLIENT_SECRET = "console-service-test-secret";

	private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/([^/]+)");

	private static final Pattern CONSOLE_TOKENS = Pattern
		.compile("/v1/accounts/([^/]+)/customers/([^/]+)/console-tokens");

	private static final Pattern ENTITLEMENTS = Pattern.compile("/v1/accounts/([^/]+)/customers/([^/]+)/entitlements");

	private static final Pattern CHARGES = Pattern
		.compile("/v1/accounts/([^/]+)/customers/([^/]+)/billing/current-month");

	private static final FakeUpstreams INSTANCE = new FakeUpstreams();

	private static final String SUSPENDED = "{\"type\":\"https://docs.cloudpartner.dev/problems/partner-suspended\","
			+ "\"title\":\"Forbidden\",\"status\":403,\"code\":\"PARTNER_SUSPENDED\"}";

	/** accountId to the account JSON; absent accounts answer 500. */
	final Map<String, String> accounts = new ConcurrentHashMap<>();

	/** "a/c" to entitlements JSON; absent customers answer 503. */
	final Map<String, String> entitlements = new ConcurrentHashMap<>();

	/** "a/c" to current-month JSON; absent customers answer 500. */
	final Map<String, String> charges = new ConcurrentHashMap<>();

	/** "a/c" to the user id that minted console tokens carry. */
	final Map<String, String> userIds = new ConcurrentHashMap<>();

	/** "a/c" whose entitlements answer only after this long. */
	final Map<String, Duration> slow = new ConcurrentHashMap<>();

	/** "a/c" to every console token minted for it. */
	final Map<String, List<String>> minted = new ConcurrentHashMap<>();

	/** "a/c" to every bearer token that entitlement-service saw for it. */
	final Map<String, List<String>> entitlementCallers = new ConcurrentHashMap<>();

	/** Accounts whose console tokens and entitlements answer 403 PARTNER_SUSPENDED. */
	final java.util.Set<String> suspended = ConcurrentHashMap.newKeySet();

	final AtomicInteger serviceTokensIssued = new AtomicInteger();

	/** Catalog, servers, images and jobs of entitlement-service. */
	final FakeCloud cloud = new FakeCloud();

	/** Monitoring series and the charges of a chosen month. */
	final FakeInsights insights = new FakeInsights();

	final FakeResources resources = new FakeResources(this.cloud);

	private final URI baseUri;

	private FakeUpstreams() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", this::handle);
			server.start();
			this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static FakeUpstreams get() {
		return INSTANCE;
	}

	URI baseUri() {
		return this.baseUri;
	}

	static String key(String accountId, String customerId) {
		return accountId + "/" + customerId;
	}

	static String account(String id, String displayName, int ttlMinutes, String logoUrl, String color) {
		return """
				{"name":"accounts/%1$s","id":"%1$s","publicId":"P-%1$s","displayName":"%2$s Inc.","state":"ACTIVE",
				 "consoleLoginUrl":"https://partner.example/%1$s/login","consoleSessionTtlMinutes":%3$d,
				 "branding":{"displayName":"%2$s","logoUrl":"%4$s","primaryColor":"%5$s"},
				 "contract":{"supplyDiscountPercent":20,"currencyCode":"KRW"}}""".formatted(id, displayName, ttlMinutes,
				logoUrl, color);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			route(exchange);
		}
		catch (Refused ex) {
			respond(exchange, 401, "{\"code\":\"TOKEN_INVALID\"}");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange) throws IOException, InterruptedException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		Matcher m;
		if (this.insights.handles(exchange)) {
			this.insights.handle(exchange);
			return;
		}
		if (this.resources.handles(path)) {
			this.resources.handle(exchange);
		}
		else if (this.cloud.handles(path)) {
			this.cloud.handle(exchange);
		}
		else if (method.equals("POST") && path.equals("/v1/oauth/token")) {
			token(exchange);
		}
		else if (method.equals("POST") && (m = CONSOLE_TOKENS.matcher(path)).matches()) {
			requireServiceToken(exchange);
			if (this.suspended.contains(m.group(1))) {
				respond(exchange, 403, SUSPENDED);
				return;
			}
			mint(exchange, m.group(1), m.group(2));
		}
		else if (method.equals("GET") && (m = ENTITLEMENTS.matcher(path)).matches()) {
			if (this.suspended.contains(m.group(1))) {
				respond(exchange, 403, SUSPENDED);
				return;
			}
			entitlements(exchange, key(m.group(1), m.group(2)));
		}
		else if (method.equals("GET") && (m = CHARGES.matcher(path)).matches()) {
			String body = this.charges.get(key(m.group(1), m.group(2)));
			respond(exchange, (body != null) ? 200 : 500, (body != null) ? body : "{\"code\":\"BROKEN\"}");
		}
		else if (method.equals("GET") && (m = ACCOUNT.matcher(path)).matches()) {
			requireServiceToken(exchange);
			String body = this.accounts.get(m.group(1));
			respond(exchange, (body != null) ? 200 : 500, (body != null) ? body : "{\"code\":\"INTERNAL_ERROR\"}");
		}
		else {
			respond(exchange, 404, "{\"code\":\"NOT_FOUND\"}");
		}
	}

	private void token(HttpExchange exchange) throws IOException {
		String expected = "Basic " + Base64.getEncoder()
			.encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
		String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
				|| !form.contains("grant_type=client_credentials")) {
			respond(exchange, 401, "{\"error\":\"invalid_client\"}");
			return;
		}
		int n = this.serviceTokensIssued.incrementAndGet();
		respond(exchange, 200, "{\"access_token\":\"service-token-" + n
				+ "\",\"token_type\":\"Bearer\",\"expires_in\":900,\"scope\":\"console.issuer\"}");
	}

	private void mint(HttpExchange exchange, String accountId, String customerId) throws IOException {
		String key = key(accountId, customerId);
		String token = TestTokens.builder("customer-" + customerId, "console", "console", Duration.ofMinutes(5))
			.claim("acct", accountId)
			.claim("cust", customerId)
			.claim("uid", this.userIds.getOrDefault(key, "unknown"))
			.compact();
		this.minted.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>()).add(token);
		respond(exchange, 200,
				"{\"token\":\"" + token + "\",\"expiresIn\":300,\"consoleUrl\":\"http://localhost/console\"}");
	}

	private void entitlements(HttpExchange exchange, String key) throws IOException, InterruptedException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			throw new Refused();
		}
		this.entitlementCallers.computeIfAbsent(key, (k) -> new CopyOnWriteArrayList<>())
			.add(authorization.substring(7));
		Duration delay = this.slow.get(key);
		if (delay != null) {
			Thread.sleep(delay);
		}
		String body = this.entitlements.get(key);
		respond(exchange, (body != null) ? 200 : 503, (body != null) ? body : "{\"code\":\"UNAVAILABLE\"}");
	}

	private static void requireServiceToken(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null || !authorization.startsWith("Bearer service-token-")) {
			throw new Refused();
		}
	}

	static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static final class Refused extends RuntimeException {

	}

}
