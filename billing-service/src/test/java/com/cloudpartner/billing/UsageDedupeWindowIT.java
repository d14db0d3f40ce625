package com.cloudpartner.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.usage.DedupePurge;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bounded dedupe window, travelling with the billing clock: usage is accepted while
 * its window ended less than {@code platform.billing.dedupe-retention} ago, refused after
 * (a per-event reason at the API, the dead-letter topic from the topic), and the purge
 * forgets hourly records only beyond that, so that a very late duplicate is refused
 * rather than counted again.
 */
class UsageDedupeWindowIT extends BillingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	BillingClock clock;

	@Autowired
	BillingProperties properties;

	@Autowired
	DedupePurge purge;

	@Autowired
	JdbcClient jdbc;

	private final String account = "window-" + UUID.randomUUID().toString().substring(0, 8);

	private final String sku = "products/window/skus/" + UUID.randomUUID().toString().substring(0, 8);

	@org.junit.jupiter.api.BeforeEach
	void approvedWithAPrice() {
		Projections.approve(this.jdbc, this.account);
		Projections.customers(this.jdbc, this.account, "c1");
		Projections.price(this.jdbc, this.sku, "vm-hours", "HOUR");
		Projections.price(this.jdbc, this.sku, "traffic-gb", "GB");
	}

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void refusesUsageOlderThanTheRetentionAtTheApi() {
		Instant now = Instant.parse("2026-03-10T00:00:00Z");
		this.clock.setTo(now);
		Instant oldest = now.minus(this.properties.dedupeRetention());
		ObjectNode inside = hour("srv-1", oldest.plusSeconds(60));
		ObjectNode outside = hour("srv-2", oldest);

		BillingClient.Response response = report(inside, outside);

		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(1);
		assertThat(response.body().get("rejected")).hasSize(1);
		assertThat(response.text("/rejected/0/id")).isEqualTo(outside.get("id").asString());
		assertThat(response.text("/rejected/0/reason")).startsWith("WINDOW_TOO_OLD: ");
	}

	@Test
	void purgesBeyondTheRetentionAndRefusesALateDuplicateInsteadOfCountingItAgain() {
		Instant reported = Instant.parse("2026-01-10T00:00:00Z");
		this.clock.setTo(reported);
		ObjectNode hour = hour("srv-1", reported.minusSeconds(7200));
		ObjectNode traffic = hour("lb-1", reported.minusSeconds(7200));
		traffic.put("id", "traffic-" + UUID.randomUUID());
		((ObjectNode) traffic.get("data")).put("meter", "traffic-gb").put("unit", "GB").put("quantity", "2.5");
		assertThat(report(hour, traffic).body().get("accepted").asInt()).isEqualTo(2);
		// the hour is one billable_hour row carrying the event's identity (decision
		// 0070);
		// the traffic is a usage record
		await().atMost(PATIENCE).until(() -> BillingClient.recordedEvents(this.jdbc, this.account) == 2);
		assertThat(records()).isEqualTo(1);
		BigDecimal before = units();

		// far beyond the retention: the traffic record is the billing fact itself and
		// stays
		this.clock.setTo(reported.plus(this.properties.dedupeRetention()).plus(Duration.ofDays(3)));
		this.purge.purge();
		assertThat(records()).isEqualTo(1);
		assertThat(BillingClient.recordedEvents(this.jdbc, this.account)).isEqualTo(2);

		BillingClient.Response late = report(hour);
		assertThat(late.body().get("accepted").asInt()).as(late.raw()).isZero();
		assertThat(late.body().get("duplicates").asInt()).isZero();
		assertThat(late.text("/rejected/0/reason")).startsWith("WINDOW_TOO_OLD: ");

		try (KafkaConsumer<String, String> deadLetters = BillingClient.deadLetterConsumer()) {
			BillingClient.produce("usage-events", hour.get("subject").asString(), hour.toString());
			List<String> reasons = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				BillingClient.deadLettersWith(deadLetters, hour.get("id").asString())
					.forEach((letter) -> reasons.add(BillingClient.deadLetterReason(letter)));
				return !reasons.isEmpty();
			});
			assertThat(reasons.get(0)).contains("WINDOW_TOO_OLD");
		}
		assertThat(units()).isEqualByComparingTo(before);
		assertThat(records()).isEqualTo(1);
	}

	private ObjectNode hour(String resource, Instant end) {
		ObjectNode event = BillingClient.usage(this.account, "c1", resource, this.sku,
				end.minusSeconds(3600).toString(), end.toString());
		event.put("id", resource + "-" + UUID.randomUUID());
		return event;
	}

	private BillingClient.Response report(ObjectNode... events) {
		BillingClient.Response response = new BillingClient(this.port).post("/v1/usage-events",
				TestTokens.usageWriter(this.account), JSON.createArrayNode().addAll(List.of(events)).toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		return response;
	}

	private int records() {
		return this.jdbc.sql("select count(*) from usage_record where account_id = :a")
			.param("a", this.account)
			.query(Integer.class)
			.single();
	}

	private BigDecimal units() {
		return this.jdbc.sql("select coalesce(sum(units), 0) from usage_month where account_id = :a")
			.param("a", this.account)
			.query(BigDecimal.class)
			.single();
	}

}
