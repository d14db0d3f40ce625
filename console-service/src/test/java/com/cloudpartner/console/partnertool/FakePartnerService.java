package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudpartner.support.test.TestTokens;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * partner-service as far as the partner tool uses it, over HTTP on a loopback port:
 * member login (real RS256 tokens from {@link TestTokens}), accounts, customers, console
 * tokens, credentials, the callback secret and delivery log. Like the real one, it
 * refuses a token of another account (403 ACCOUNT_FORBIDDEN), and it records every
 * request so that tests can see what the tool asked for.
 */
final class FakePartnerService {

	static final String CONSOLE_URL = "http://console.example.test/console";

	private static final FakePartnerService INSTANCE = new FakePartnerService();

	private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/([^/]+)(/.*)?");

	static final Pattern CUSTOMER = Pattern.compile("/customers/([^/]+)");

	static final Pattern CONSOLE_TOKENS = Pattern.compile("/customers/([^/]+)/console-tokens");

	static final Pattern CREDENTIAL = Pattern.compile("/credentials/([^/]+)");

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicInteger ids = new AtomicInteger();

	/** loginId to member. */
	final Map<String, Member> members = new ConcurrentHashMap<>();

	/** accountId to its state. */
	final Map<String, Account> accounts = new ConcurrentHashMap<>();

	/** Subjects (member ids) whose tokens answer 401 from now on. */
	final Set<String> rejectedSubjects = ConcurrentHashMap.newKeySet();

	/**
	 * Accounts whose tokens answer 403 PARTNER_SUSPENDED, as after an operator's
	 * suspension.
	 */
	final Set<String> suspendedAccounts = ConcurrentHashMap.newKeySet();

	/** Accounts whose every request answers 500. */
	final Set<String> brokenAccounts = ConcurrentHashMap.newKeySet();

	final List<Seen> requests = new CopyOnWriteArrayList<>();

	/** Every token handed out: member tokens and console tokens. */
	final List<String> issuedTokens = new CopyOnWriteArrayList<>();

	private final URI baseUri;

	private FakePartnerService() {
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

	static FakePartnerService get() {
		return INSTANCE;
	}

	URI baseUri() {
		return this.baseUri;
	}

	String newId(String prefix) {
		return prefix + "-" + this.ids.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100000, 36);
	}

	/**
	 * A member of a partner company; {@code accountId} null for a company never approved.
	 */
	record Member(String loginId, String password, String memberId, String accountId, boolean partnerScope) {

	}

	/** What was asked: method, path, query, the token's account and subject, body. */
	record Seen(String method, String path, String query, String tokenAccount, String tokenSubject,
			String idempotencyKey, Map<String, Object> body) {

		boolean changes() {
			return !this.method.equals("GET");
		}

	}

	/** One partner account's data. */
	static final class Account {

		final Map<String, Object> settings = new ConcurrentHashMap<>();

		final Map<String, Map<String, Object>> customers = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

		final Set<String> busyCustomers = ConcurrentHashMap.newKeySet();

		final Map<String, Map<String, Object>> credentials = java.util.Collections
			.synchronizedMap(new LinkedHashMap<>());

		final List<Map<String, Object>> deliveries = new CopyOnWriteArrayList<>();

		final List<String> secrets = new CopyOnWriteArrayList<>();

		Map<String, Object> addCustomer(String id, String userId, String displayName) {
			Map<String, Object> customer = new LinkedHashMap<>();
			customer.put("id", id);
			customer.put("userId", userId);
			customer.put("displayName", displayName);
			customer.put("email", null);
			customer.put("correlationId", null);
			customer.put("createTime", "2026-10-01T00:00:00Z");
			this.customers.put(id, customer);
			return customer;
		}

	}

	Account account(String accountId, String displayName) {
		Account account = new Account();
		account.settings.putAll(Map.of("name", "accounts/" + accountId, "id", accountId, "publicId",
				"P-" + accountId.toUpperCase(java.util.Locale.ROOT), "displayName", displayName, "state", "ACTIVE",
				"contacts", List.of(), "consoleSessionTtlMinutes", 30, "branding", Map.of(), "contract",
				Map.of("reference", "CT-1", "supplyDiscountPercent", "20", "currencyCode", "KRW")));
		this.accounts.put(accountId, account);
		return account;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			route(exchange);
		}
		catch (RuntimeException ex) {
			respond(exchange, 500, "{\"code\":\"FAKE_FAILED\",\"detail\":\"" + ex + "\"}");
		}
		finally {
			exchange.close();
		}
	}

	@SuppressWarnings("unchecked")
	private void route(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		byte[] raw = exchange.getRequestBody().readAllBytes();
		Map<String, Object> body = (raw.length > 0) ? this.json.readValue(raw, Map.class) : Map.of();
		Map<String, Object> claims = claims(exchange.getRequestHeaders().getFirst("Authorization"));
		String tokenAccount = (claims != null) ? (String) claims.get("acct") : null;
		String subject = (claims != null) ? (String) claims.get("sub") : null;
		this.requests.add(new Seen(method, path, query, tokenAccount, subject,
				exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
		if (method.equals("POST") && path.equals("/v1/members/login")) {
			login(exchange, body);
			return;
		}
		if (claims == null || this.rejectedSubjects.contains(subject)) {
			respond(exchange, 401, problem(401, "TOKEN_INVALID", "The bearer token is not valid."));
			return;
		}
		if (tokenAccount != null && this.suspendedAccounts.contains(tokenAccount)) {
			respond(exchange, 403, problem(403, "PARTNER_SUSPENDED", "The partner account is suspended."));
			return;
		}
		if (tokenAccount != null && this.brokenAccounts.contains(tokenAccount)) {
			respond(exchange, 500, problem(500, "INTERNAL_ERROR", "at org.example.Boom(Boom.java:1)"));
			return;
		}
		if (method.equals("GET") && path.equals("/v1/members/me")) {
			Member member = this.members.values()
				.stream()
				.filter((m) -> m.memberId().equals(subject))
				.findFirst()
				.orElseThrow();
			Map<String, Object> me = new LinkedHashMap<>();
			me.put("id", member.memberId());
			me.put("accountId", member.accountId());
			respond(exchange, 200, this.json.writeValueAsString(me));
			return;
		}
		Matcher m = ACCOUNT.matcher(path);
		if (!m.matches()) {
			respond(exchange, 404, problem(404, "NOT_FOUND", "no such path"));
			return;
		}
		String accountId = m.group(1);
		String rest = (m.group(2) != null) ? m.group(2) : "";
		String scope = (String) claims.get("scope");
		if (!accountId.equals(tokenAccount) || scope == null || !scope.contains("partner")) {
			respond(exchange, 403, problem(403, "ACCOUNT_FORBIDDEN", "The token may not act on account " + accountId));
			return;
		}
		Account account = this.accounts.get(accountId);
		if (account == null) {
			respond(exchange, 404, problem(404, "ACCOUNT_NOT_FOUND", "no account"));
			return;
		}
		new FakeAccountRoutes(this, exchange, account, accountId, scope).route(method, rest, query, body);
	}

	private void login(HttpExchange exchange, Map<String, Object> body) throws IOException {
		Member member = this.members.get(String.valueOf(body.get("loginId")));
		if (member != null && member.password().equals("locked")) {
			respond(exchange, 423, problem(423, "LOGIN_LOCKED", "locked"));
			return;
		}
		if (member == null || !member.password().equals(body.get("password"))) {
			respond(exchange, 401, problem(401, "LOGIN_FAILED", "The login id or the password is wrong."));
			return;
		}
		var builder = TestTokens.builder(member.memberId(), "partner-api",
				member.partnerScope() ? "member partner" : "member", Duration.ofMinutes(15));
		if (member.partnerScope()) {
			builder.claim("acct", member.accountId());
		}
		String token = builder.compact();
		this.issuedTokens.add(token);
		respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":900,"
				+ "\"scope\":\"" + (member.partnerScope() ? "member partner" : "member") + "\"}");
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

	String write(Object value) {
		return this.json.writeValueAsString(value);
	}

	static String problem(int status, String code, String detail) {
		return "{\"type\":\"https://docs.cloudpartner.dev/problems/x\",\"title\":\"x\",\"status\":" + status
				+ ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}";
	}

	static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.set("Content-Type", (status >= 400) ? "application/problem+json" : "application/json");
		if (status == 204) {
			exchange.sendResponseHeaders(204, -1);
			return;
		}
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
