package com.cloudpartner.billing;

import java.util.UUID;

import com.cloudpartner.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text PostgreSQL cannot store, page tokens the service did not issue, page sizes outside
 * 1..500 and oversized Idempotency-Keys: each a 400 problem+json with a stable code.
 */
class BillingBadInputIT extends BillingIntegrationTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private BillingClient client;

	private final String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void client() {
		this.client = new BillingClient(this.port);
		Projections.approve(this.jdbc, this.account);
	}

	@Test
	void refusesNulAndUnpairedSurrogatesInBodies() {
		String credits = "/v1/accounts/" + this.account + "/credits";
		String body = "{\"type\":\"PROMOTION\",\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"100\"},"
				+ "\"expireTime\":\"2027-01-01T00:00:00Z\",\"description\":\"%s\"}";
		BillingClient.Response nul = this.client.post(credits, TestTokens.operator(), body.formatted("a\\u0000b"));
		assertProblem(nul, 400, "VALIDATION_FAILED");
		assertThat(nul.text("/errors/0/field")).isEqualTo("description");
		BillingClient.Response surrogate = this.client.post(credits, TestTokens.operator(), body.formatted("\\ud800"));
		assertProblem(surrogate, 400, "VALIDATION_FAILED");
		assertThat(this.jdbc.sql("select count(*) from credit where account_id = :a")
			.param("a", this.account)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesUsageEventsWithTextTheLedgerCannotHold() {
		String token = TestTokens.usageWriter(this.account);
		String event = BillingClient
			.hourOfUsage(this.account, "c1", "nul-" + UUID.randomUUID(), BillingClient.hourStart(2),
					BillingClient.hourStart(1))
			.toString();
		String withNul = event.replace("\"c1\"", "\"c\\u00001\"");
		assertThat(withNul).isNotEqualTo(event);
		BillingClient.Response refused = this.client.post("/v1/usage-events", token, "[" + withNul + "]");
		assertProblem(refused, 400, "VALIDATION_FAILED");
		assertThat(refused.text("/errors/0/field")).startsWith("[0].");
		BillingClient.Response surrogate = this.client.post("/v1/usage-events", token,
				"[" + event.replace("\"c1\"", "\"\\ud800\"") + "]");
		assertProblem(surrogate, 400, "VALIDATION_FAILED");
	}

	@Test
	void refusesForeignPageTokensAndPageSizesOutOfRange() {
		String invoices = "/v1/accounts/" + this.account + "/invoices";
		assertThat(this.client.get(invoices, TestTokens.operator()).status()).isEqualTo(200);
		assertProblem(this.client.get(invoices + "?pageToken=garbage", TestTokens.operator()), 400,
				"INVALID_PAGE_TOKEN");
		// a month was the token before it was sealed: a bare month is no token now
		assertProblem(this.client.get(invoices + "?pageToken=2026-10", TestTokens.operator()), 400,
				"INVALID_PAGE_TOKEN");
		assertProblem(this.client.get(invoices + "?pageSize=0", TestTokens.operator()), 400, "VALIDATION_FAILED");
		assertProblem(this.client.get(invoices + "?pageSize=501", TestTokens.operator()), 400, "VALIDATION_FAILED");
		assertProblem(this.client.get(invoices + "?pageSize=ten", TestTokens.operator()), 400, "VALIDATION_FAILED");
	}

	@Test
	void refusesOversizedIdempotencyKeys() {
		String credits = "/v1/accounts/" + this.account + "/credits";
		BillingClient.Response response = this.client.post(credits, TestTokens.operator(),
				"{\"type\":\"PROMOTION\",\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"100\"}}",
				"k".repeat(10_000));
		assertProblem(response, 400, "IDEMPOTENCY_KEY_INVALID");
	}

	private static void assertProblem(BillingClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("/code")).isEqualTo(code);
	}

}
