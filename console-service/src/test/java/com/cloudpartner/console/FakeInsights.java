package com.cloudpartner.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * entitlement-service's server metrics and billing-service's customer charges of a chosen
 * month ({@code ?month=}) and their days ({@code /billing/daily}), as far as the
 * console's insight pages use them. All answer only the customer of the console token, as
 * the real services do.
 */
final class FakeInsights {

	private static final Pattern METRICS = Pattern
		.compile("/v1/accounts/([^/]+)/customers/([^/]+)/servers/([^/]+)/metrics");

	private static final Pattern CHARGES = Pattern
		.compile("/v1/accounts/([^/]+)/customers/([^/]+)/billing/current-month");

	private static final Pattern DAILY = Pattern.compile("/v1/accounts/([^/]+)/customers/([^/]+)/billing/daily");

	private final JsonMapper json = JsonMapper.builder().build();

	/** "a/c/serverId/metric" to the series JSON; absent series answer 503. */
	final Map<String, String> series = new ConcurrentHashMap<>();

	/** "a/c/month" to the month JSON; absent months answer 503. */
	final Map<String, String> months = new ConcurrentHashMap<>();

	/** "a/c/month" to the daily JSON; absent months answer 503. */
	final Map<String, String> days = new ConcurrentHashMap<>();

	/** Every call: path with query and the customer of its console token. */
	final List<Call> calls = new CopyOnWriteArrayList<>();

	record Call(String path, String tokenCustomer) {

	}

	static String seriesKey(String a, String c, String serverId, String metric) {
		return a + "/" + c + "/" + serverId + "/" + metric;
	}

	static String monthKey(String a, String c, String month) {
		return a + "/" + c + "/" + month;
	}

	/**
	 * Metrics always; charges only when a month is asked for (the home page asks none).
	 */
	boolean handles(HttpExchange exchange) {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		return METRICS.matcher(path).matches() || DAILY.matcher(path).matches()
				|| (CHARGES.matcher(path).matches() && query != null && query.contains("month="));
	}

	void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String query = exchange.getRequestURI().getRawQuery();
		JsonNode token = claims(exchange.getRequestHeaders().getFirst("Authorization"));
		String tokenCustomer = (token != null && token.has("cust")) ? token.get("cust").asString() : null;
		this.calls.add(new Call(path + ((query != null) ? "?" + query : ""), tokenCustomer));
		Matcher m = METRICS.matcher(path);
		boolean metrics = m.matches();
		boolean daily = false;
		if (!metrics) {
			m = DAILY.matcher(path);
			daily = m.matches();
		}
		if (!metrics && !daily) {
			m = CHARGES.matcher(path);
			m.matches();
		}
		if (token == null || !m.group(1).equals(token.get("acct").asString()) || !m.group(2).equals(tokenCustomer)) {
			FakeUpstreams.respond(exchange, 403, "{\"code\":\"CUSTOMER_FORBIDDEN\"}");
			return;
		}
		String body = metrics ? this.series.get(seriesKey(m.group(1), m.group(2), m.group(3), param(query, "metric")))
				: (daily ? this.days : this.months).get(monthKey(m.group(1), m.group(2), param(query, "month")));
		FakeUpstreams.respond(exchange, (body != null) ? 200 : 503,
				(body != null) ? body : "{\"code\":\"UNAVAILABLE\",\"detail\":\"at com.cloudpartner.Secret\"}");
	}

	/** The calls whose path starts with this. */
	List<Call> callsTo(String prefix) {
		return this.calls.stream().filter((call) -> call.path().startsWith(prefix)).toList();
	}

	static String param(String query, String name) {
		for (String pair : (query != null) ? query.split("&") : new String[0]) {
			if (pair.startsWith(name + "=")) {
				return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	private JsonNode claims(String authorization) {
		if (authorization == null || !authorization.startsWith("Bearer ")) {
			return null;
		}
		String[] parts = authorization.substring(7).split("\\.");
		if (parts.length != 3) {
			return null;
		}
		return this.json.readTree(Base64.getUrlDecoder().decode(parts[1]));
	}

}
