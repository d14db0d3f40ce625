package com.cloudpartner.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import com.cloudpartner.support.test.IntegrationTest;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every billing integration test shares (one application context): the real
 * infrastructure, a stand-in for partner-service's account read, which answers a tax
 * contact for every account except those whose id starts with {@code notax-}, and 401
 * without the caller's bearer token, and a stand-in for entitlement-service's look-up of
 * entitlements ({@link EntitlementServiceStub}). Each test's SQL is recorded for
 * {@link SqlCoverageIT}.
 */
@IntegrationTest
@Import(SqlCoverage.Watching.class)
public abstract class BillingIntegrationTest {

	private static final HttpServer PARTNER_SERVICE = partnerService();

	@BeforeEach
	void recordSqlFor(TestInfo test) {
		SqlCoverage.testStarted(getClass(), test.getTestMethod().map(Method::getName).orElse("?"));
	}

	@DynamicPropertySource
	static void partnerService(DynamicPropertyRegistry registry) {
		registry.add("platform.services.partner", () -> "http://localhost:" + PARTNER_SERVICE.getAddress().getPort());
		registry.add("platform.services.entitlement", EntitlementServiceStub::url);
		// the tests report usage of 2024-2025 at today's clock: remember it for ten
		// years,
		// and purge only when a test asks (UsageDedupeWindowIT travels past the
		// retention)
		registry.add("platform.billing.dedupe-retention", () -> "3650d");
		registry.add("platform.billing.dedupe-purge-interval", () -> "3650d");
	}

	/**
	 * partner-service's customer look-up: customers whose id starts with {@code remote-}
	 * exist, {@code broken-} ones make it fail with 500, everything else is 404.
	 */
	private static void customer(com.sun.net.httpserver.HttpExchange exchange, String customer, int authorized)
			throws IOException {
		int status = (authorized != 200) ? authorized
				: customer.startsWith("remote-") ? 200 : customer.startsWith("broken-") ? 500 : 404;
		byte[] body = ((status == 200)
				? "{\"id\":\"" + customer + "\",\"userId\":\"user-" + customer + "\",\"displayName\":\"Remote\"}"
				: "{\"code\":\"CUSTOMER_NOT_FOUND\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private static HttpServer partnerService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/v1/accounts/", (exchange) -> {
				String account = exchange.getRequestURI().getPath().substring("/v1/accounts/".length());
				String auth = exchange.getRequestHeaders().getFirst("Authorization");
				int status = (auth != null && auth.startsWith("Bearer ")) ? 200 : 401;
				if (account.contains("/customers/")) {
					customer(exchange, account.substring(account.lastIndexOf('/') + 1), status);
					return;
				}
				String contact = account.startsWith("notax-") ? "null"
						: "{\"name\":\"Jisoo Lee\",\"email\":\"tax@partner.example.com\"}";
				byte[] body = ("{\"id\":\"" + account + "\",\"taxContact\":" + contact + "}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(status, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
