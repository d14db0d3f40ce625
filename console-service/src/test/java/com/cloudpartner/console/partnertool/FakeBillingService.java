package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;

/**
 * billing-service as far as the partner tool uses it: month to date and its days,
 * invoices, payments (TAX_INVOICE needs the account's tax contact at the fake
 * partner-service, as the real one asks partner-service) and the CSV export. Invoices are
 * kept per account, so that another account's invoice id is not found.
 */
final class FakeBillingService extends FakeService {

	private static final FakeBillingService INSTANCE = new FakeBillingService();

	private static final Pattern INVOICE = Pattern.compile("/invoices/([^/]+)");

	private static final Pattern PAYMENTS = Pattern.compile("/invoices/([^/]+)/payments");

	/** accountId to month to the month-to-date answer. */
	final Map<String, Map<String, Map<String, Object>>> charges = new ConcurrentHashMap<>();

	/**
	 * accountId to month to the daily answer; a month without one has no days and zero
	 * totals.
	 */
	final Map<String, Map<String, Map<String, Object>>> daily = new ConcurrentHashMap<>();

	/** Accounts whose daily view answers 503 while the month to date still answers. */
	final Set<String> brokenDaily = ConcurrentHashMap.newKeySet();

	/** accountId to invoice id to invoice, newest month first as added. */
	final Map<String, Map<String, Map<String, Object>>> invoices = new ConcurrentHashMap<>();

	/**
	 * accountId to month to CSV; a month without one is the header alone, as billing
	 * sends it.
	 */
	final Map<String, Map<String, String>> exports = new ConcurrentHashMap<>();

	/** Accounts whose export pauses 3 s halfway, longer than the tests' read timeout. */
	final Set<String> slowExports = ConcurrentHashMap.newKeySet();

	/** Accounts whose export requests answer 400, as billing does to a malformed one. */
	final Set<String> refusedExports = ConcurrentHashMap.newKeySet();

	private FakeBillingService() {
	}

	static FakeBillingService get() {
		return INSTANCE;
	}

	void charges(String accountId, String month, Map<String, Object> body) {
		this.charges.computeIfAbsent(accountId, (a) -> new ConcurrentHashMap<>()).put(month, body);
	}

	void daily(String accountId, String month, Map<String, Object> body) {
		this.daily.computeIfAbsent(accountId, (a) -> new ConcurrentHashMap<>()).put(month, body);
	}

	Map<String, Object> addInvoice(String accountId, String id, String month, String total) {
		Map<String, Object> invoice = new LinkedHashMap<>();
		invoice.put("name", "accounts/" + accountId + "/invoices/" + id);
		invoice.put("id", id);
		invoice.put("month", month);
		invoice.put("state", "ISSUED");
		invoice.put("currencyCode", "KRW");
		invoice.put("subtotal", money("24000"));
		invoice.put("credits", money("0"));
		invoice.put("tax", money("2400"));
		invoice.put("total", money(total));
		invoice.put("paid", money("0"));
		invoice.put("issuedAt", "2026-11-01T00:05:00Z");
		invoice.put("dueAt", "2026-11-30T15:00:00Z");
		invoice.put("lines",
				List.of(Map.of("lineNumber", 1, "type", "USAGE", "customer", "accounts/" + accountId + "/customers/c-1",
						"sku", "products/server/skus/basic-1", "meter", "hours", "quantity", "744", "costAtList",
						money("30000"), "cost", money("24000"), "customerCost", money("30000"))));
		invoice.put("appliedCredits", List.of());
		invoice.put("payments", new ArrayList<>());
		this.invoices.computeIfAbsent(accountId, (a) -> java.util.Collections.synchronizedMap(new LinkedHashMap<>()))
			.put(id, invoice);
		return invoice;
	}

	@Override
	void route(Request r) throws IOException {
		String rest = r.rest();
		Matcher m;
		if (r.accountId() == null) {
			notFound(r.exchange(), "NOT_FOUND");
		}
		else if (rest.equals("/billing/current-month") && r.method().equals("GET")) {
			String month = (r.param("month") != null) ? r.param("month") : "2026-11";
			Map<String, Object> body = this.charges.getOrDefault(r.accountId(), Map.of()).get(month);
			ok(r.exchange(),
					(body != null) ? body
							: Map.of("month", month, "asOf", "2026-11-15T00:00:00Z", "currencyCode", "KRW",
									"costAtList", money("0"), "cost", money("0"), "customerCost", money("0"), "lines",
									List.of(), "unrated", List.of()));
		}
		else if (rest.equals("/billing/daily") && r.method().equals("GET")) {
			if (this.brokenDaily.contains(r.accountId())) {
				FakePartnerService.respond(r.exchange(), 503,
						FakePartnerService.problem(503, "UNAVAILABLE", "at org.example.Daily(Daily.java:1)"));
				return;
			}
			String month = (r.param("month") != null) ? r.param("month") : "2026-11";
			Map<String, Object> body = this.daily.getOrDefault(r.accountId(), Map.of()).get(month);
			ok(r.exchange(),
					(body != null) ? body
							: Map.of("month", month, "asOf", "2026-11-15T00:00:00Z", "currencyCode", "KRW",
									"costAtList", money("0"), "cost", money("0"), "customerCost", money("0"), "days",
									List.of()));
		}
		else if (rest.equals("/invoices") && r.method().equals("GET")) {
			page(r.exchange(), "invoices", new ArrayList<>(invoicesOf(r.accountId()).values()), r.query());
		}
		else if ((m = INVOICE.matcher(rest)).matches() && r.method().equals("GET")) {
			Map<String, Object> invoice = invoicesOf(r.accountId()).get(m.group(1));
			if (invoice == null) {
				notFound(r.exchange(), "INVOICE_NOT_FOUND");
				return;
			}
			ok(r.exchange(), invoice);
		}
		else if ((m = PAYMENTS.matcher(rest)).matches() && r.method().equals("POST")) {
			pay(r, invoicesOf(r.accountId()).get(m.group(1)));
		}
		else if (rest.equals("/billing-export") && r.method().equals("GET")) {
			if (this.refusedExports.contains(r.accountId()) || !"csv".equals(r.param("format"))) {
				FakePartnerService.respond(r.exchange(), 400,
						FakePartnerService.problem(400, "VALIDATION_FAILED", "month must be a month as YYYY-MM"));
				return;
			}
			String csv = this.exports.getOrDefault(r.accountId(), Map.of())
				.getOrDefault(r.param("month"), "billing_account_id,invoice.month,cost_type,cost\n");
			byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
			r.exchange().getResponseHeaders().set("Content-Type", "text/csv");
			r.exchange().sendResponseHeaders(200, 0);
			try (OutputStream out = r.exchange().getResponseBody()) {
				int half = this.slowExports.contains(r.accountId()) ? bytes.length / 2 : bytes.length;
				out.write(bytes, 0, half);
				out.flush();
				if (half < bytes.length) {
					pause();
					out.write(bytes, half, bytes.length - half);
				}
			}
		}
		else {
			notFound(r.exchange(), "NOT_FOUND");
		}
	}

	private static void pause() {
		try {
			Thread.sleep(3000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Map<String, Map<String, Object>> invoicesOf(String accountId) {
		return this.invoices.getOrDefault(accountId, Map.of());
	}

	@SuppressWarnings("unchecked")
	private void pay(Request r, Map<String, Object> invoice) throws IOException {
		if (invoice == null) {
			notFound(r.exchange(), "INVOICE_NOT_FOUND");
			return;
		}
		if ("TAX_INVOICE".equals(r.body().get("document"))) {
			FakePartnerService.Account account = FakePartnerService.get().accounts.get(r.accountId());
			if (account == null || account.settings.get("taxContact") == null) {
				FakePartnerService.respond(r.exchange(), 422, FakePartnerService.problem(422, "TAX_CONTACT_REQUIRED",
						"A tax invoice needs the account's taxContact."));
				return;
			}
		}
		Map<String, Object> amount = (Map<String, Object>) r.body().get("amount");
		((List<Object>) invoice.get("payments"))
			.add(Map.of("id", "pay-1", "amount", amount, "method", r.body().get("method"), "document",
					Map.of("type", r.body().get("document")), "paidAt", "2026-11-20T01:00:00Z"));
		invoice.put("paid", amount);
		if (amount.get("amount").equals(((Map<String, Object>) invoice.get("total")).get("amount"))) {
			invoice.put("state", "PAID");
		}
		FakePartnerService.respond(r.exchange(), 201, this.json.writeValueAsString(invoice));
	}

}
