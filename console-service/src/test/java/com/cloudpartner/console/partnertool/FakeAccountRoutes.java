package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.cloudpartner.support.test.TestTokens;
import com.sun.net.httpserver.HttpExchange;

/** The fake partner-service's routes under {@code /v1/accounts/{a}}, for one request. */
record FakeAccountRoutes(FakePartnerService fake, HttpExchange exchange, FakePartnerService.Account account,
		String accountId, String scope) {

	@SuppressWarnings("unchecked")
	void route(String method, String rest, String query, Map<String, Object> body) throws IOException {
		Matcher m;
		if (rest.isEmpty() && method.equals("GET")) {
			ok(this.account.settings);
		}
		else if (rest.isEmpty() && method.equals("PATCH")) {
			Object callback = body.get("callbackUrl");
			if (callback != null && callback.toString().contains("localhost")) {
				FakePartnerService.respond(this.exchange, 400,
						"{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"invalid\","
								+ "\"errors\":[{\"field\":\"callbackUrl\",\"message\":\"must not be a loopback address\"}]}");
				return;
			}
			body.forEach((key, value) -> {
				if (value != null) {
					this.account.settings.put(key, value);
				}
			});
			ok(this.account.settings);
		}
		else if (rest.equals("/customers") && method.equals("GET")) {
			page("customers", new ArrayList<>(this.account.customers.values()), query);
		}
		else if (rest.equals("/customers") && method.equals("POST")) {
			createCustomer(body);
		}
		else if ((m = FakePartnerService.CONSOLE_TOKENS.matcher(rest)).matches() && method.equals("POST")) {
			Map<String, Object> customer = this.account.customers.get(m.group(1));
			if (customer == null) {
				notFound();
				return;
			}
			String token = TestTokens.builder("customer-" + m.group(1), "console", "console", Duration.ofMinutes(5))
				.claim("acct", this.accountId)
				.claim("cust", m.group(1))
				.claim("uid", customer.get("userId"))
				.compact();
			this.fake.issuedTokens.add(token);
			FakePartnerService.respond(this.exchange, 201, this.fake
				.write(Map.of("token", token, "expiresIn", 300, "consoleUrl", FakePartnerService.CONSOLE_URL)));
		}
		else if ((m = FakePartnerService.CUSTOMER.matcher(rest)).matches()) {
			customer(method, m.group(1), body);
		}
		else if (rest.equals("/credentials") && method.equals("GET")) {
			page("credentials", new ArrayList<>(this.account.credentials.values()), query);
		}
		else if (rest.equals("/credentials") && method.equals("POST")) {
			createCredential(body);
		}
		else if ((m = FakePartnerService.CREDENTIAL.matcher(rest)).matches() && method.equals("DELETE")) {
			Map<String, Object> credential = this.account.credentials.get(m.group(1));
			if (credential == null) {
				notFound();
				return;
			}
			credential.put("state", "REVOKED");
			credential.put("revokeTime", Instant.now().toString());
			FakePartnerService.respond(this.exchange, 204, "");
		}
		else if (rest.equals("/webhook-secret") && method.equals("POST")) {
			String secret = "whsec_" + this.fake.newId("s");
			this.account.secrets.add(secret);
			FakePartnerService.respond(this.exchange, 201,
					this.fake.write(Map.of("secret", secret, "signatureFormat", "t=,v1=")));
		}
		else if (rest.equals("/webhook-deliveries") && method.equals("GET")) {
			String state = param(query, "state");
			page("deliveries",
					this.account.deliveries.stream()
						.filter((d) -> state == null || state.equals(d.get("state")))
						.toList(),
					query);
		}
		else {
			FakePartnerService.respond(this.exchange, 404,
					FakePartnerService.problem(404, "NOT_FOUND", "no such path"));
		}
	}

	private void createCustomer(Map<String, Object> body) throws IOException {
		String userId = String.valueOf(body.get("userId"));
		if (userId.equalsIgnoreCase("admin")) {
			FakePartnerService.respond(this.exchange, 400,
					"{\"status\":400,\"code\":\"VALIDATION_FAILED\",\"detail\":\"invalid\","
							+ "\"errors\":[{\"field\":\"userId\",\"message\":\"is reserved\"}]}");
			return;
		}
		boolean taken = this.account.customers.values().stream().anyMatch((c) -> userId.equals(c.get("userId")));
		if (taken) {
			FakePartnerService.respond(this.exchange, 409, FakePartnerService.problem(409, "CUSTOMER_EXISTS", "taken"));
			return;
		}
		Map<String, Object> customer = this.account.addCustomer(this.fake.newId("cust"), userId,
				String.valueOf(body.get("displayName")));
		customer.put("email", body.get("email"));
		customer.put("correlationId", body.get("correlationId"));
		FakePartnerService.respond(this.exchange, 201, this.fake.write(customer));
	}

	private void customer(String method, String customerId, Map<String, Object> body) throws IOException {
		Map<String, Object> customer = this.account.customers.get(customerId);
		if (customer == null) {
			notFound();
			return;
		}
		switch (method) {
			case "GET" -> ok(customer);
			case "PATCH" -> {
				body.forEach((key, value) -> {
					if (value != null) {
						customer.put(key, value.toString().isEmpty() ? null : value);
					}
				});
				ok(customer);
			}
			case "DELETE" -> {
				if (this.account.busyCustomers.contains(customerId)) {
					FakePartnerService.respond(this.exchange, 409,
							FakePartnerService.problem(409, "RESOURCES_STILL_ACTIVE", "still active"));
					return;
				}
				this.account.customers.remove(customerId);
				FakePartnerService.respond(this.exchange, 204, "");
			}
			default -> FakePartnerService.respond(this.exchange, 405,
					FakePartnerService.problem(405, "METHOD_NOT_ALLOWED", "no"));
		}
	}

	@SuppressWarnings("unchecked")
	private void createCredential(Map<String, Object> body) throws IOException {
		if (!this.scope.contains("member")) {
			FakePartnerService.respond(this.exchange, 403,
					FakePartnerService.problem(403, "PARTNER_MEMBER_REQUIRED", "member only"));
			return;
		}
		String clientId = this.fake.newId("client");
		Object scopes = (body.get("scopes") != null) ? body.get("scopes")
				: List.of("partner", "partner.read", "usage.write");
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("clientId", clientId);
		credential.put("scopes", scopes);
		credential.put("defaultScope", "partner");
		credential.put("description", body.get("description"));
		credential.put("state", "ACTIVE");
		credential.put("createTime", Instant.now().toString());
		this.account.credentials.put(clientId, credential);
		Map<String, Object> created = new LinkedHashMap<>(credential);
		created.put("clientSecret", "cs_" + this.fake.newId("secret"));
		FakePartnerService.respond(this.exchange, 201, this.fake.write(created));
	}

	private void page(String name, List<Map<String, Object>> items, String query) throws IOException {
		int size = Integer.parseInt((param(query, "pageSize") != null) ? param(query, "pageSize") : "50");
		String token = param(query, "pageToken");
		int from = (token != null) ? Integer.parseInt(token.substring(1)) : 0;
		int to = Math.min(items.size(), from + size);
		Map<String, Object> page = new LinkedHashMap<>();
		page.put(name, items.subList(Math.min(from, to), to));
		page.put("nextPageToken", (to < items.size()) ? "p" + to : null);
		ok(page);
	}

	private void ok(Object value) throws IOException {
		FakePartnerService.respond(this.exchange, 200, this.fake.write(value));
	}

	private void notFound() throws IOException {
		FakePartnerService.respond(this.exchange, 404,
				FakePartnerService.problem(404, "CUSTOMER_NOT_FOUND", "There is no such item in this account."));
	}

	private static String param(String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0 && pair.substring(0, eq).equals(name)) {
				return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
