package com.cloudpartner.billing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end: contract and price book from their topics, usage over
 * the API, through usage-events, rated on demand.
 */
class UsageToChargesIT extends BillingIntegrationTest {

	/**
	 * The day of the usage: two days ago (UTC), so that its hours (05:00-09:00 UTC, the
	 * same date in Asia/Seoul) stay inside the dedupe window whenever the test runs.
	 */
	private static final java.time.LocalDate DAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);

	/** The billing month of {@link #DAY}. */
	private static final String MONTH = java.time.YearMonth.from(DAY).toString();

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Value("${platform.billing.consumer-group}")
	String consumerGroup;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private BillingClient client;

	private final String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);

	private final String customer = UUID.randomUUID().toString();

	@BeforeEach
	void partnerAndOffer() {
		this.client = new BillingClient(this.port);
		Projections.approve(this.jdbc, this.account);
		ObjectNode offer = BillingClient.example("offer.published");
		BillingClient.produce("entitlement-events", offer.get("subject").asString(), offer.toString());
		// usage sent before billing stored the offer's prices is refused
		// (NO_PRICE_IN_EFFECT,
		// decision 0054): the first test of a fresh context could post before that
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where offer = :o")
				.param("o", offer.get("data").get("offer").asString())
				.query(Integer.class)
				.single() > 0);
	}

	@Test
	void ratesAcceptedUsageOnceAtListAndContractPrices() {
		List<ObjectNode> hours = List.of(hour("h05", "05:00", "06:00"), hour("h06", "06:00", "07:00"),
				hour("h07", "07:00", "08:00"));
		ObjectNode invalid = hour("bad", "08:00", "09:00");
		((ObjectNode) invalid.get("data")).put("quantity", "-1");
		ArrayNode batch = JSON.createArrayNode().addAll(hours).add(hours.get(0)).add(invalid);

		BillingClient.Response posted = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
				batch.toString());

		assertThat(posted.status()).isEqualTo(202);
		assertThat(posted.body().get("accepted").asInt()).as(posted.body().toString()).isEqualTo(3);
		assertThat(posted.body().get("duplicates").asInt()).isEqualTo(1);
		assertThat(posted.body().get("rejected")).singleElement().satisfies((rejected) -> {
			assertThat(rejected.get("id").asString()).isEqualTo(this.account + "-bad");
			assertThat(rejected.get("reason").asString()).startsWith("INVALID_QUANTITY");
		});

		await().atMost(PATIENCE).untilAsserted(() -> assertPartnerCharges("3", "135", "108", "135"));
		assertCustomerSeesOnlyCustomerPrices();

		BillingClient.Response again = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
				batch.toString());
		assertThat(again.body().get("accepted").asInt()).isZero();
		assertThat(again.body().get("duplicates").asInt()).isEqualTo(4);
		// operators see where batches spend their time
		assertThat(this.client.get("/actuator/prometheus", TestTokens.operator()).raw())
			.contains("billing_usage_ingest_stage_seconds_count{stage=\"kafka\"}")
			.contains("billing_usage_ingest_stage_seconds_count{stage=\"lookup\"}");

		// a redelivered record and an overlapping window of another event add no hour
		BillingClient.produce("usage-events", hours.get(0).get("subject").asString(), hours.get(0).toString());
		ObjectNode overlapping = hour("overlap", "05:30", "07:30");
		BillingClient.produce("usage-events", overlapping.get("subject").asString(), overlapping.toString());
		// the overlapping event's hours were all reported: it leaves no row (decision
		// 0070)
		await().atMost(PATIENCE).until(() -> BillingClient.usageConsumed(this.consumerGroup));
		assertThat(recordedEvents()).isEqualTo(3);
		assertPartnerCharges("3", "135", "108", "135");
	}

	@Test
	void chargesTwoPartnersWhoseMeteringUsesTheSameSourceAndIdEachOnce() {
		String other = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		Projections.approve(this.jdbc, other);
		String id = "shared-" + UUID.randomUUID();
		ObjectNode mine = BillingClient.hourOfUsage(this.account, this.customer, id, DAY + "T05:00:00Z",
				DAY + "T06:00:00Z");
		ObjectNode theirs = BillingClient.hourOfUsage(other, this.customer, id, DAY + "T05:00:00Z", DAY + "T06:00:00Z");

		BillingClient.Response first = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
				"[" + mine + "]");
		await().atMost(PATIENCE).until(() -> recordedEvents() == 1);
		BillingClient.Response second = this.client.post("/v1/usage-events", TestTokens.usageWriter(other),
				"[" + theirs + "]");
		BillingClient.Response repeat = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
				"[" + mine + "]");

		assertThat(first.body().get("accepted").asInt()).isEqualTo(1);
		// the same (source, id) from another partner's metering is that partner's usage
		assertThat(second.body().get("accepted").asInt()).as(second.raw()).isEqualTo(1);
		assertThat(second.body().get("duplicates").asInt()).isZero();
		assertThat(repeat.body().get("accepted").asInt()).isZero();
		assertThat(repeat.body().get("duplicates").asInt()).isEqualTo(1);
		await().atMost(PATIENCE).until(() -> BillingClient.recordedEvents(this.jdbc, other) == 1);
		assertThat(recordedEvents()).isEqualTo(1);
	}

	/**
	 * A batch sent again while its first copy is still on its way to the consumer (a
	 * client's retry after a timeout): reported as duplicates, as once it is stored, and
	 * charged once; the same source and id of another partner, at the same time, is that
	 * partner's usage (decision 0081).
	 */
	@Test
	void reportsABatchSentAgainBeforeItWasConsumedAsDuplicates() {
		String other = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		Projections.approve(this.jdbc, other);
		List<ObjectNode> hours = List.of(hour("f05", "05:00", "06:00"), hour("f06", "06:00", "07:00"),
				hour("f07", "07:00", "08:00"));
		String batch = JSON.createArrayNode().addAll(hours).toString();
		ObjectNode theirs = BillingClient.hourOfUsage(other, this.customer, hours.get(0).get("id").asString(),
				DAY + "T05:00:00Z", DAY + "T06:00:00Z");
		MessageListenerContainer consumer = this.listeners.getListenerContainer("billing-usage");
		consumer.stop();
		BillingClient.Response first;
		BillingClient.Response again;
		BillingClient.Response partly;
		BillingClient.Response otherPartner;
		try {
			first = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account), batch);
			again = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account), batch);
			ObjectNode later = hour("f08", "08:00", "09:00");
			partly = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
					JSON.createArrayNode().add(hours.get(2)).add(later).toString());
			otherPartner = this.client.post("/v1/usage-events", TestTokens.usageWriter(other), "[" + theirs + "]");
			// nothing was stored yet: the consumer's records could not have told
			assertThat(recordedEvents()).isZero();
		}
		finally {
			consumer.start();
		}

		assertThat(first.body().get("accepted").asInt()).as(first.raw()).isEqualTo(3);
		assertThat(again.body().get("accepted").asInt()).as(again.raw()).isZero();
		assertThat(again.body().get("duplicates").asInt()).isEqualTo(3);
		assertThat(partly.body().get("accepted").asInt()).as(partly.raw()).isEqualTo(1);
		assertThat(partly.body().get("duplicates").asInt()).isEqualTo(1);
		assertThat(otherPartner.body().get("accepted").asInt()).as(otherPartner.raw()).isEqualTo(1);
		assertThat(otherPartner.body().get("duplicates").asInt()).isZero();
		await().atMost(PATIENCE).untilAsserted(() -> assertPartnerCharges("4", "180", "144", "180"));
		await().atMost(PATIENCE).until(() -> BillingClient.recordedEvents(this.jdbc, other) == 1);
		assertThat(recordedEvents()).isEqualTo(4);
	}

	@Test
	void deadLettersAPoisonUsageRecord() {
		String tag = UUID.randomUUID().toString();
		// what is produced -> what is dead-lettered, and the reason: not JSON; an event
		// with a second value after it; an array (the API's records) whose element is no
		// event, which goes alone
		Map<String, String[]> poisons = Map.of("not a cloud event " + tag,
				new String[] { "not a cloud event " + tag, "Not JSON" }, "{\"id\":\"" + tag + "\"} {}",
				new String[] { "{\"id\":\"" + tag + "\"} {}", "Not JSON" }, "[\"" + tag + "\"]",
				new String[] { "\"" + tag + "\"", "INVALID_EVENT" }, "[{\"id\":\"" + tag + "-unclosed\"}",
				new String[] { "[{\"id\":\"" + tag + "-unclosed\"}", "Not JSON" });
		poisons.keySet().forEach((poison) -> BillingClient.produce("usage-events", "poison", poison));

		try (KafkaConsumer<String, String> consumer = BillingClient.deadLetterConsumer()) {
			Map<String, String> seen = new HashMap<>();
			await().atMost(PATIENCE).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					seen.put(record.value(), BillingClient.deadLetterReason(record));
				}
				return poisons.values().stream().allMatch((dead) -> seen.containsKey(dead[0]));
			});
			poisons.values().forEach((dead) -> assertThat(seen.get(dead[0])).as(dead[0]).contains(dead[1]));
		}
	}

	/**
	 * A record of the API's shape, an array of events, with one event that is no usage:
	 * the others are stored and charged, and that one alone is dead-lettered as its own
	 * bytes, with its index in the array.
	 */
	@Test
	void storesAnArraysEventsAndDeadLettersOnlyItsPoison() {
		String bad = "{\"id\":\"" + this.account + "-no-usage\",\"type\":\"usage.recorded\"}";
		String record = "[" + hour("array-1", "12:00", "13:00") + "," + bad + "," + hour("array-2", "13:00", "14:00")
				+ "]";
		try (KafkaConsumer<String, String> consumer = BillingClient.deadLetterConsumer()) {
			BillingClient.produce("usage-events", null, record);
			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				dead.addAll(BillingClient.deadLettersWith(consumer, this.account + "-no-usage"));
				return !dead.isEmpty();
			});
			assertThat(dead).singleElement().satisfies((letter) -> {
				assertThat(letter.value()).isEqualTo(bad);
				assertThat(new String(letter.headers().lastHeader("usage-batch-index").value(), StandardCharsets.UTF_8))
					.isEqualTo("1");
				assertThat(BillingClient.deadLetterReason(letter))
					.contains("Invalid usage event " + this.account + "-no-usage: INVALID_SPECVERSION");
			});
		}
		await().atMost(PATIENCE).until(() -> recordedEvents() == 2);
		await().atMost(PATIENCE).untilAsserted(() -> assertPartnerCharges("2", "90", "72", "90"));
	}

	/**
	 * Accepted usage that the store refuses for good (here a trigger of the test's own,
	 * an error no retry can mend) is dead-lettered after the retries as the bytes the
	 * partner sent (in the API's record, an array): the consumer reads records as bytes,
	 * and the error handler's publisher of strings could not serialize them (the batch
	 * would have come back for ever).
	 */
	@Test
	void deadLettersUsageTheStoreRefusesAsTheBytesSent() {
		try (BillingClient.Refusal refusal = BillingClient.refuseHoursOf(this.jdbc, this.account);
				KafkaConsumer<String, String> consumer = BillingClient.deadLetterConsumer()) {
			ObjectNode event = hour("dlt", "09:00", "10:00");
			((ObjectNode) event.get("data")).putObject("labels").put("팀", "클라우드 운영");
			BillingClient.Response sent = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
					"[" + event + "]");
			assertThat(sent.body().get("accepted").asInt()).as(sent.raw()).isEqualTo(1);
			List<ConsumerRecord<String, String>> dead = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				dead.addAll(BillingClient.deadLettersWith(consumer, this.account + "-dlt"));
				return !dead.isEmpty();
			});
			// the record the API wrote: an array of the batch's events of one partition
			assertThat(JSON.readTree(dead.get(0).value())).isEqualTo(JSON.createArrayNode().add(event));
			assertThat(BillingClient.deadLetterReason(dead.get(0))).contains("refused by the test");
		}
		assertThat(recordedEvents()).isZero();
	}

	private void assertPartnerCharges(String quantity, String costAtList, String cost, String customerCost) {
		BillingClient.Response charges = this.client.get(
				"/v1/accounts/" + this.account + "/billing/current-month?month=" + MONTH,
				TestTokens.partner(this.account));
		assertThat(charges.status()).isEqualTo(200);
		JsonNode body = charges.body();
		assertThat(body.get("month").asString()).isEqualTo(MONTH);
		assertThat(body.get("currencyCode").asString()).isEqualTo("KRW");
		assertThat(body.get("asOf").asString()).endsWith("Z");
		assertThat(charges.text("/costAtList/amount")).isEqualTo(costAtList);
		assertThat(charges.text("/cost/amount")).isEqualTo(cost);
		assertThat(charges.text("/customerCost/amount")).isEqualTo(customerCost);
		assertThat(body.get("lines")).singleElement().satisfies((line) -> {
			assertThat(line.get("customer").asString())
				.isEqualTo("accounts/" + this.account + "/customers/" + this.customer);
			assertThat(line.get("sku").asString()).isEqualTo("products/server-basic/skus/basic-2vcpu-4gb");
			assertThat(line.get("meter").asString()).isEqualTo("vm-hours");
			assertThat(line.get("quantity").asString()).isEqualTo(quantity);
			assertThat(line.at("/costAtList/amount").asString()).isEqualTo(costAtList);
			assertThat(line.at("/cost/amount").asString()).isEqualTo(cost);
			assertThat(line.at("/cost/currencyCode").asString()).isEqualTo("KRW");
			assertThat(line.at("/customerCost/amount").asString()).isEqualTo(customerCost);
		});
	}

	private void assertCustomerSeesOnlyCustomerPrices() {
		Projections.customers(this.jdbc, this.account, this.customer);
		String path = "/v1/accounts/" + this.account + "/customers/" + this.customer + "/billing/current-month?month="
				+ MONTH;
		for (String token : List.of(TestTokens.console(this.account, this.customer),
				TestTokens.partner(this.account))) {
			BillingClient.Response charges = this.client.get(path, token);
			assertThat(charges.status()).isEqualTo(200);
			assertThat(charges.text("/customerCost/amount")).isEqualTo("135");
			assertThat(charges.body().get("lines")).singleElement()
				.satisfies((line) -> assertThat(line.at("/customerCost/amount").asString()).isEqualTo("135"));
			assertThat(fieldNames(charges.body())).doesNotContain("cost");
		}
		assertThat(this.client.get(path, TestTokens.console(this.account, "someone-else")).status()).isEqualTo(403);
	}

	private int recordedEvents() {
		return BillingClient.recordedEvents(this.jdbc, this.account);
	}

	private ObjectNode hour(String id, String from, String to) {
		return BillingClient.hourOfUsage(this.account, this.customer, this.account + "-" + id,
				DAY + "T" + from + ":00Z", DAY + "T" + to + ":00Z");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				names.add(field.getKey());
				names.addAll(fieldNames(field.getValue()));
			}
		}
		else if (node.isArray()) {
			node.forEach((item) -> names.addAll(fieldNames(item)));
		}
		return names;
	}

}
