package com.cloudpartner.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the time-travel tests share: an account approved with a 20% supply discount and a
 * SKU at 45 an hour and 30,000 a month (KRW) per test, usage reported through the API,
 * and billing runs at a moved billing clock whose invoices are read back through the API.
 */
abstract class TimeTravelTest extends BillingIntegrationTest {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	BillingClock clock;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Value("${platform.billing.consumer-group}")
	String consumerGroup;

	BillingClient client;

	final String account = "tt-" + UUID.randomUUID().toString().substring(0, 8);

	final String sku = "products/tt/skus/" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void partnerAndOffer() {
		this.client = new BillingClient(this.port);
		approve(this.account);
		publishOffer(this.sku, "45", "30000");
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	void approve(String accountId) {
		BillingClient.produce("partner-events", "accounts/" + accountId,
				BillingClient.partnerApproved(accountId).toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from contract_version where account_id = :a")
				.param("a", accountId)
				.query(Integer.class)
				.single() > 0);
		// its customers, created at partner-service: what customer paths and usage are
		// checked against (decision 0057)
		Projections.customers(this.jdbc, accountId, "c1", "c2");
	}

	void publishOffer(String sku, String hourly, String monthly) {
		publishOffer(sku, "vm-hours", "HOUR", hourly, monthly);
	}

	/** An offer of one meter priced per unit, with a monthly price (the cap). */
	void publishOffer(String sku, String meter, String unit, String price, String monthly) {
		String offer = "offers/" + sku.replace('/', '-');
		ObjectNode event = BillingClient.offer(offer, sku, price, monthly, "2020-01-01T00:00:00Z");
		((ObjectNode) event.at("/data/prices/0")).put("meter", meter).put("unit", unit);
		BillingClient.produce("entitlement-events", offer, event.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :sku")
				.param("sku", sku)
				.query(Integer.class)
				.single() > 0);
	}

	ObjectNode usage(String customer, String resource, String sku, String from, String to) {
		return usage(this.account, customer, resource, sku, from, to);
	}

	static ObjectNode usage(String accountId, String customer, String resource, String sku, String from, String to) {
		return BillingClient.usage(accountId, customer, resource, sku, from, to);
	}

	void report(ObjectNode... events) {
		report(this.account, events);
	}

	void report(String accountId, ObjectNode... events) {
		ArrayNode batch = JSON.createArrayNode();
		for (ObjectNode event : events) {
			batch.add(event);
		}
		BillingClient.Response response = this.client.post("/v1/usage-events", TestTokens.usageWriter(accountId),
				batch.toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).isEqualTo(events.length);
		await().atMost(PATIENCE).until(() -> BillingClient.usageConsumed(this.consumerGroup));
	}

	void grantCredit(String type, String amount, String expireTime) {
		String body = "{\"type\":\"" + type + "\",\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"" + amount + "\"}"
				+ ((expireTime != null) ? ",\"expireTime\":\"" + expireTime + "\"" : "") + "}";
		BillingClient.Response response = this.client.post("/v1/accounts/" + this.account + "/credits",
				TestTokens.operator(), body);
		assertThat(response.status()).as(response.raw()).isEqualTo(201);
	}

	JsonNode bill(String month, String at) {
		return billAccount(this.account, month, at);
	}

	JsonNode billAccount(String accountId, String month, String at) {
		this.clock.setTo(Instant.parse(at));
		JsonNode run = runFor(accountId, month);
		assertThat(run.get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("invoicesIssued").asInt()).isEqualTo(1);
		BillingClient.Response invoice = this.client.get(invoicePath(accountId, "inv-" + month + "-" + accountId),
				TestTokens.partner(accountId));
		assertThat(invoice.status()).as(invoice.raw()).isEqualTo(200);
		assertThat(invoice.text("/month")).isEqualTo(month);
		assertThat(invoice.text("/state")).isEqualTo("ISSUED");
		return invoice.body();
	}

	JsonNode run(String month) {
		return runFor(this.account, month);
	}

	JsonNode runAll(String month) {
		BillingClient.Response started = this.client.post("/v1/billing-runs", TestTokens.operator(),
				"{\"month\":\"" + month + "\"}");
		assertThat(started.status()).as(started.raw()).isEqualTo(202);
		String path = "/v1/billing-runs/" + started.text("/id");
		await().atMost(PATIENCE)
			.until(() -> !"RUNNING".equals(this.client.get(path, TestTokens.operator()).text("/state")));
		return this.client.get(path, TestTokens.operator()).body();
	}

	JsonNode runFor(String accountId, String month) {
		BillingClient.Response started = this.client.post("/v1/billing-runs", TestTokens.operator(),
				"{\"month\":\"" + month + "\",\"accountId\":\"" + accountId + "\"}");
		assertThat(started.status()).as(started.raw()).isEqualTo(202);
		String path = "/v1/billing-runs/" + started.text("/id");
		await().atMost(PATIENCE)
			.until(() -> !"RUNNING".equals(this.client.get(path, TestTokens.operator()).text("/state")));
		return this.client.get(path, TestTokens.operator()).body();
	}

	String invoicePath(String invoiceId) {
		return invoicePath(this.account, invoiceId);
	}

	static String invoicePath(String accountId, String invoiceId) {
		return "/v1/accounts/" + accountId + "/invoices/" + invoiceId;
	}

	static java.math.BigDecimal netCost(JsonNode row) {
		java.math.BigDecimal net = new java.math.BigDecimal(row.get("cost").asString());
		for (JsonNode credit : row.get("credits")) {
			net = net.add(new java.math.BigDecimal(credit.get("amount").asString()));
		}
		return net;
	}

	static void assertLine(JsonNode line, String type, String quantity, String costAtList, String cost,
			String customerCost) {
		assertThat(line.get("type").asString()).isEqualTo(type);
		assertThat(line.get("quantity").asString()).isEqualTo(quantity);
		assertThat(line.at("/costAtList/amount").asString()).isEqualTo(costAtList);
		assertThat(line.at("/cost/amount").asString()).isEqualTo(cost);
		assertThat(line.at("/customerCost/amount").asString()).isEqualTo(customerCost);
	}

	static void assertTotals(JsonNode invoice, String subtotal, String credits, String tax, String total) {
		assertThat(invoice.at("/subtotal/amount").asString()).isEqualTo(subtotal);
		assertThat(invoice.at("/credits/amount").asString()).isEqualTo(credits);
		assertThat(invoice.at("/tax/amount").asString()).isEqualTo(tax);
		assertThat(invoice.at("/total/amount").asString()).isEqualTo(total);
	}

}
