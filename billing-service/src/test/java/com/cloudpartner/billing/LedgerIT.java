package com.cloudpartner.billing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Credits and adjustments an operator grants: an adjustment may point at a line of an
 * issued invoice of the same account, and a refused request may be corrected and sent
 * again under the same {@code Idempotency-Key}.
 */
class LedgerIT extends TimeTravelTest {

	private static final String ADJUSTMENT = "{\"type\":\"PRICE_CORRECTION\",\"amount\":{\"currencyCode\":\"KRW\","
			+ "\"amount\":\"-60\"},\"month\":\"2025-11\",\"description\":\"Wrong price\",\"correctsInvoiceLine\":\"%s\"}";

	@Test
	void correctsALineOfAnIssuedInvoiceOnTheNextOne() {
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"),
				usage("c1", "srv-1", this.sku, "2025-12-03T01:00:00Z", "2025-12-03T11:00:00Z"));
		String line = bill("2025-11", "2025-11-30T15:05:00Z").get("id").asString() + "/1";

		BillingClient.Response adjusted = this.client.post(adjustments(this.account), TestTokens.operator(),
				ADJUSTMENT.formatted(line));

		assertThat(adjusted.status()).as(adjusted.raw()).isEqualTo(201);
		assertThat(adjusted.text("/correctsInvoiceLine")).isEqualTo(line);
		JsonNode december = bill("2025-12", "2025-12-31T15:05:00Z");
		assertThat(december.get("lines")).hasSize(2);
		JsonNode correction = december.get("lines").get(1);
		assertThat(correction.get("type").asString()).isEqualTo("ADJUSTMENT");
		assertThat(correction.get("adjustmentType").asString()).isEqualTo("PRICE_CORRECTION");
		assertThat(correction.get("correctsInvoiceLine").asString()).isEqualTo(line);
		assertThat(correction.get("usageMonth").asString()).isEqualTo("2025-11");
		assertThat(correction.at("/cost/amount").asString()).isEqualTo("-60");
		// 360 for December's ten hours, less 60
		assertTotals(december, "300", "0", "30", "330");
	}

	@Test
	void refusesToCorrectALineTheAccountDoesNotHave() {
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));
		String invoice = bill("2025-11", "2025-11-30T15:05:00Z").get("id").asString();
		String other = "other-" + UUID.randomUUID().toString().substring(0, 8);
		approve(other);

		assertRefusedLine(this.account, invoice + "/2");
		assertRefusedLine(this.account, "inv-2025-11-nobody/1");
		assertRefusedLine(other, invoice + "/1");
		assertThat(this.jdbc.sql("select count(*) from adjustment where account_id in (:a, :o)")
			.param("a", this.account)
			.param("o", other)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void acceptsTheCorrectedRequestUnderTheIdempotencyKeyOfARefusedOne() {
		String path = "/v1/accounts/" + this.account + "/credits";
		String body = "{\"type\":\"GOODWILL\",\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"500\"}}";

		BillingClient.Response refused = this.client.post(path, TestTokens.operator(), body.replace("KRW", "USD"),
				"key-1");
		BillingClient.Response corrected = this.client.post(path, TestTokens.operator(), body, "key-1");
		BillingClient.Response again = this.client.post(path, TestTokens.operator(), body, "key-1");

		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.text("/errors/0/field")).isEqualTo("amount.currencyCode");
		assertThat(corrected.status()).as(corrected.raw()).isEqualTo(201);
		assertThat(again.status()).as(again.raw()).isEqualTo(201);
		assertThat(again.text("/id")).isEqualTo(corrected.text("/id"));
		assertThat(this.jdbc.sql("select count(*) from credit where account_id = :a")
			.param("a", this.account)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private void assertRefusedLine(String accountId, String line) {
		BillingClient.Response refused = this.client.post(adjustments(accountId), TestTokens.operator(),
				ADJUSTMENT.formatted(line));
		assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.text("/code")).isEqualTo("VALIDATION_FAILED");
		assertThat(refused.text("/errors/0/field")).isEqualTo("correctsInvoiceLine");
	}

	private static String adjustments(String accountId) {
		return "/v1/accounts/" + accountId + "/adjustments";
	}

}
