package com.cloudpartner.billing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.boot.test.web.server.LocalServerPort;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may call what, and how bad input is answered: always problem+json, never a 5xx. */
class BillingApiIT extends BillingIntegrationTest {

	@LocalServerPort
	int port;

	private BillingClient client;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void client() {
		this.client = new BillingClient(this.port);
	}

	@Test
	void servesTheCurrentMonthOfAnApprovedAccountWithoutUsage() {
		BillingClient.produce("partner-events", "accounts/" + this.account,
				BillingClient.partnerApproved(this.account).toString());
		String path = "/v1/accounts/" + this.account + "/billing/current-month";

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.client.get(path, TestTokens.operator()).status() == 200);
		BillingClient.Response charges = this.client.get(path, TestTokens.partner(this.account));

		assertThat(charges.text("/month")).isEqualTo(YearMonth.now(ZoneId.of("Asia/Seoul")).toString());
		assertThat(charges.text("/currencyCode")).isEqualTo("KRW");
		assertThat(charges.text("/cost/amount")).isEqualTo("0");
		assertThat(charges.body().get("lines")).isEmpty();
	}

	@Test
	void refusesCallersWithoutTheRightToken() {
		String path = "/v1/accounts/" + this.account + "/billing/current-month";

		assertProblem(this.client.get(path, null), 401, "TOKEN_MISSING");
		assertProblem(this.client.get(path, TestTokens.forgedPartner(this.account)), 401, "TOKEN_INVALID");
		assertProblem(this.client.get(path, TestTokens.partner("other-account")), 403, "ACCOUNT_FORBIDDEN");
		assertProblem(this.client.get(path, TestTokens.console(this.account, "c1")), 403, "ACCOUNT_FORBIDDEN");
		assertProblem(this.client.post("/v1/usage-events", TestTokens.partner(this.account), "[]"), 403,
				"SCOPE_MISSING");
		assertProblem(this.client.post("/v1/usage-events", null, "[]"), 401, "TOKEN_MISSING");
	}

	@Test
	void rejectsUsageOfAnotherAccountWithoutFailingTheBatch() {
		billableAccountsWriter();
		ObjectNode mine = BillingClient.hourOfUsage(this.account, "c1", UUID.randomUUID().toString(),
				BillingClient.hourStart(2), BillingClient.hourStart(1));
		ObjectNode theirs = BillingClient.hourOfUsage("other-account", "c1", "theirs-" + UUID.randomUUID(),
				BillingClient.hourStart(2), BillingClient.hourStart(1));

		BillingClient.Response response = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
				JSON.createArrayNode().add(mine).add(theirs).toString());

		assertThat(response.status()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).isEqualTo(1);
		assertThat(response.text("/rejected/0/id")).isEqualTo(theirs.get("id").asString());
		assertThat(response.text("/rejected/0/reason")).startsWith("ACCOUNT_MISMATCH");
	}

	@Test
	void readsABatchOfUndeclaredLengthAndRefusesOneOverAMebibyteWithOrWithoutItsLength() {
		String token = billableAccountsWriter();
		ObjectNode mine = BillingClient.hourOfUsage(this.account, "c1", UUID.randomUUID().toString(),
				BillingClient.hourStart(2), BillingClient.hourStart(1));
		ObjectNode theirs = BillingClient.hourOfUsage("other-account", "c1", "theirs-" + UUID.randomUUID(),
				BillingClient.hourStart(2), BillingClient.hourStart(1));
		byte[] batch = JSON.createArrayNode().add(theirs).add(mine).toString().getBytes(StandardCharsets.UTF_8);
		// one byte over 1 MiB: a valid array of one event padded with blanks
		byte[] tooLarge = ("[" + " ".repeat(1024 * 1024 - 2 - mine.toString().length() + 1) + mine + "]")
			.getBytes(StandardCharsets.UTF_8);

		BillingClient.Response streamed = this.client.postStreamed("/v1/usage-events", token, batch);

		assertThat(streamed.status()).as(streamed.raw()).isEqualTo(202);
		assertThat(streamed.body().get("accepted").asInt()).as(streamed.raw()).isEqualTo(1);
		assertThat(streamed.text("/rejected/0/id")).isEqualTo(theirs.get("id").asString());
		assertThat(tooLarge.length).isEqualTo(1024 * 1024 + 1);
		assertProblem(this.client.post("/v1/usage-events", token, new String(tooLarge, StandardCharsets.UTF_8)), 413,
				"BATCH_TOO_LARGE");
		assertProblem(this.client.postStreamed("/v1/usage-events", token, tooLarge), 413, "BATCH_TOO_LARGE");
		// one byte less is a batch
		byte[] largest = java.util.Arrays.copyOfRange(tooLarge, 1, tooLarge.length);
		largest[0] = '[';
		BillingClient.Response atTheLimit = this.client.postStreamed("/v1/usage-events", token, largest);
		assertThat(atTheLimit.status()).as(atTheLimit.raw()).isEqualTo(202);
		assertThat(atTheLimit.body().get("duplicates").asInt()).as(atTheLimit.raw()).isEqualTo(1);
	}

	@Test
	void refusesAnEventTooLargeForItsRecordAndAcceptsTheRestOfItsBatch() {
		String token = billableAccountsWriter();
		ObjectNode small = BillingClient.hourOfUsage(this.account, "c1", UUID.randomUUID().toString(),
				BillingClient.hourStart(2), BillingClient.hourStart(1));
		// valid events with an extension attribute that makes them large: one just over
		// the
		// limit of an event, and one that fills a batch of 1 MiB, over the producer's
		// max.request.size
		ObjectNode overLimit = BillingClient.hourOfUsage(this.account, "c1", UUID.randomUUID().toString(),
				BillingClient.hourStart(2), BillingClient.hourStart(1));
		overLimit.put("padding", "");
		overLimit.put("padding", "x".repeat(256 * 1024 - 2 - overLimit.toString().length() + 1));
		ObjectNode huge = BillingClient.hourOfUsage(this.account, "c1", UUID.randomUUID().toString(),
				BillingClient.hourStart(1), BillingClient.hourStart(0));
		huge.put("padding", "");
		huge.put("padding", "x".repeat(1024 * 1024 - 2 - huge.toString().length()));
		assertThat(overLimit.toString().getBytes(StandardCharsets.UTF_8)).hasSize(256 * 1024 - 1);
		assertThat(huge.toString().getBytes(StandardCharsets.UTF_8)).hasSize(1024 * 1024 - 2);

		BillingClient.Response mixed = this.client.post("/v1/usage-events", token,
				JSON.createArrayNode().add(overLimit).add(small).toString());
		BillingClient.Response alone = this.client.post("/v1/usage-events", token,
				JSON.createArrayNode().add(huge).toString());

		assertThat(alone.status()).as(alone.raw()).isEqualTo(202);
		assertThat(alone.body().get("accepted").asInt()).as(alone.raw()).isZero();
		assertThat(alone.text("/rejected/0/reason")).startsWith("EVENT_TOO_LARGE: ");
		assertThat(mixed.status()).as(mixed.raw()).isEqualTo(202);
		assertThat(mixed.body().get("accepted").asInt()).as(mixed.raw()).isEqualTo(1);
		assertThat(mixed.text("/rejected/0/id")).isEqualTo(overLimit.get("id").asString());
		assertThat(mixed.text("/rejected/0/reason")).startsWith("EVENT_TOO_LARGE: ");
	}

	@Test
	void answersBadInputWithProblems() {
		String token = TestTokens.usageWriter(this.account);
		ArrayNode tooMany = JSON.createArrayNode();
		for (int i = 0; i <= 1000; i++) {
			tooMany.add(JSON.createObjectNode().put("id", "e" + i));
		}

		assertProblem(this.client.post("/v1/usage-events", token, "{\"id\":\"1\"}"), 400, "BATCH_NOT_AN_ARRAY");
		assertProblem(this.client.post("/v1/usage-events", token, "[]"), 400, "BATCH_EMPTY");
		assertProblem(this.client.post("/v1/usage-events", token, "[{"), 400, "MALFORMED_REQUEST");
		assertProblem(this.client.post("/v1/usage-events", token, tooMany.toString()), 413, "BATCH_TOO_LARGE");
		BillingClient.Response rejected = this.client.post("/v1/usage-events", token, "[42, null]");
		assertThat(rejected.status()).isEqualTo(202);
		assertThat(rejected.body().get("rejected")).hasSize(2);

		BillingClient.Response badMonth = this.client
			.get("/v1/accounts/" + this.account + "/billing/current-month?month=2026-13", TestTokens.operator());
		assertProblem(badMonth, 400, "VALIDATION_FAILED");
		assertThat(badMonth.text("/errors/0/field")).isEqualTo("month");
		assertProblem(this.client.get("/v1/accounts/nobody-" + UUID.randomUUID() + "/billing/current-month",
				TestTokens.operator()), 404, "ACCOUNT_NOT_FOUND");
	}

	@Test
	void describesTheApi() {
		BillingClient.Response docs = this.client.get("/v3/api-docs", null);

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
		assertThat(docs.body().at("/components/schemas/Problem").isObject()).isTrue();
		// the controller reads the body as bytes (to produce each event as received): the
		// document still describes a batch of CloudEvents
		assertThat(docs.body()
			.at("/paths/~1v1~1usage-events/post/requestBody/content/application~1json/schema/type")
			.asString()).isEqualTo("array");
		assertThat(docs.body()
			.at("/paths/~1v1~1usage-events/post/requestBody/content/application~1json/schema/maxItems")
			.asInt()).isEqualTo(1000);
		assertThat(docs.body().at("/paths").propertyNames()).contains("/v1/usage-events",
				"/v1/accounts/{accountId}/billing/current-month",
				"/v1/accounts/{accountId}/customers/{customerId}/billing/current-month",
				"/v1/accounts/{accountId}/billing/daily",
				"/v1/accounts/{accountId}/customers/{customerId}/billing/daily", "/v1/billing-runs",
				"/v1/billing-runs/{runId}", "/v1/accounts/{accountId}/invoices",
				"/v1/accounts/{accountId}/invoices/{invoiceId}",
				"/v1/accounts/{accountId}/invoices/{invoiceId}/payments", "/v1/accounts/{accountId}/credits",
				"/v1/accounts/{accountId}/adjustments",
				"/v1/accounts/{accountId}/customers/{customerId}/repricing-config",
				"/v1/accounts/{accountId}/billing-export", "/v1/billing-export", "/v1/billing-export/schema");
	}

	/**
	 * Makes the test's account billable (approved, a customer c1, an hourly price of the
	 * SKU the usage examples name) and answers a usage writer's token for it.
	 */
	private String billableAccountsWriter() {
		Projections.approve(this.jdbc, this.account);
		Projections.customers(this.jdbc, this.account, "c1");
		Projections.price(this.jdbc, "products/server-basic/skus/basic-2vcpu-4gb", "vm-hours", "HOUR");
		return TestTokens.usageWriter(this.account);
	}

	private static void assertProblem(BillingClient.Response response, int status, String code) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.text("/code")).isEqualTo(code);
	}

}
