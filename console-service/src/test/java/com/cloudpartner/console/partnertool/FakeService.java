package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fake billing- and entitlement-service share: a loopback HTTP server that reads
 * the member token's claims (verified by the tool already), refuses a token of another
 * account with 403 ACCOUNT_FORBIDDEN like the real services, and records each request.
 */
abstract class FakeService {

	private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/([^/]+)(/.*)?");

	final JsonMapper json = JsonMapper.builder().build();

	final List<FakePartnerService.Seen> requests = new CopyOnWriteArrayList<>();

	/** Accounts whose every request here answers 500. */
	final Set<String> brokenAccounts = ConcurrentHashMap.newKeySet();

	private final URI baseUri;

	FakeService() {
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

	URI baseUri() {
		return this.baseUri;
	}

	/** A request on the token's own account; {@code accountId} null outside accounts. */
	abstract void route(Request request) throws IOException;

	record Request(HttpExchange exchange, String method, String accountId, String rest, Map<String, String> query,
			Map<String, Object> body, String tokenAccount) {

		String param(String name) {
			return this.query.get(name);
		}

	}

	@SuppressWarnings("unchecked")
	private void handle(HttpExchange exchange) throws IOException {
		try {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			byte[] raw = exchange.getRequestBody().readAllBytes();
			Map<String, Object> body = (raw.length > 0) ? this.json.readValue(raw, Map.class) : Map.of();
			Map<String, Object> claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
			String tokenAccount = (claims != null) ? (String) claims.get("acct") : null;
			String subject = (claims != null) ? (String) claims.get("sub") : null;
			this.requests.add(new FakePartnerService.Seen(method, path, exchange.getRequestURI().getRawQuery(),
					tokenAccount, subject, exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
			if (claims == null) {
				FakePartnerService.respond(exchange, 401,
						FakePartnerService.problem(401, "TOKEN_INVALID", "The bearer token is not valid."));
				return;
			}
			if (FakePartnerService.get().suspendedAccounts.contains(tokenAccount)) {
				FakePartnerService.respond(exchange, 403,
						FakePartnerService.problem(403, "PARTNER_SUSPENDED", "The partner account is suspended."));
				return;
			}
			if (this.brokenAccounts.contains(tokenAccount)) {
				FakePartnerService.respond(exchange, 500,
						FakePartnerService.problem(500, "INTERNAL_ERROR", "at org.example.Boom(Boom.java:1)"));
				return;
			}
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			Matcher m = ACCOUNT.matcher(path);
			if (!m.matches()) {
				route(new Request(exchange, method, null, path, query, body, tokenAccount));
				return;
			}
			if (!m.group(1).equals(tokenAccount)) {
				FakePartnerService.respond(exchange, 403, FakePartnerService.problem(403, "ACCOUNT_FORBIDDEN",
						"The token may not act on account " + m.group(1)));
				return;
			}
			route(new Request(exchange, method, m.group(1), (m.group(2) != null) ? m.group(2) : "", query, body,
					tokenAccount));
		}
		catch (RuntimeException ex) {
			FakePartnerService.respond(exchange, 500, "{\"code\":\"FAKE_FAILED\",\"detail\":\"" + ex + "\"}");
		}
		finally {
			exchange.close();
		}
	}

	void ok(HttpExchange exchange, Object value) throws IOException {
		FakePartnerService.respond(exchange, 200, this.json.writeValueAsString(value));
	}

	static void notFound(HttpExchange exchange, String code) throws IOException {
		FakePartnerService.respond(exchange, 404, FakePartnerService.problem(404, code, "Not found."));
	}

	/** A page of {@code items} under {@code field}; page tokens are offsets. */
	void page(HttpExchange exchange, String field, List<?> items, Map<String, String> query) throws IOException {
		int size = Integer.parseInt(query.getOrDefault("pageSize", "50"));
		int from = Integer.parseInt(query.getOrDefault("pageToken", "0"));
		int to = Math.min(items.size(), from + size);
		Map<String, Object> page = new LinkedHashMap<>();
		page.put(field, items.subList(Math.min(from, items.size()), to));
		page.put("nextPageToken", (to < items.size()) ? String.valueOf(to) : null);
		ok(exchange, page);
	}

	static Map<String, Object> money(String amount) {
		return Map.of("currencyCode", "KRW", "amount", amount);
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new LinkedHashMap<>();
		if (raw == null) {
			return values;
		}
		for (String pair : raw.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return values;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> claims(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return null;
		}
		String[] parts = authorization.substring(7).split("\\.");
		if (parts.length != 3) {
			return null;
		}
		try {
			return this.json.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
