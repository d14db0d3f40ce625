package com.cloudpartner.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults on the usage path: the consumer stopped in the middle of a stream and restarted,
 * random subsets replayed (as after a crash before offsets were committed), duplicates
 * and overlapping windows injected, and a known id sent again with another payload. The
 * totals must be exactly those of the events counted once.
 */
class UsageFaultIT extends BillingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Value("${platform.billing.consumer-group}")
	String consumerGroup;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private final String account = "fault-" + UUID.randomUUID().toString().substring(0, 8);

	private final String sku = "products/fault/skus/" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void countsEveryHourOnceWhateverIsReplayedOrInterrupted() {
		BillingClient.produce("partner-events", "accounts/" + this.account,
				BillingClient.partnerApproved(this.account).toString());
		Projections.customers(this.jdbc, this.account, "c1");
		String offer = "offers/" + this.sku.replace('/', '-');
		BillingClient.produce("entitlement-events", offer,
				BillingClient.offer(offer, this.sku, "45", "30000", "2020-01-01T00:00:00Z").toString());
		Random random = new Random(42);
		List<ObjectNode> events = new ArrayList<>();
		Instant start = Instant.parse("2025-06-01T00:00:00Z");
		for (int h = 0; h < 48; h++) {
			events.add(hour("srv-1", start.plusSeconds(h * 3600L), 1));
		}
		for (int h = 0; h < 24; h++) {
			// overlapping two-hour windows of srv-2: 25 distinct hours
			events.add(hour("srv-2", start.plusSeconds(h * 3600L), 2));
		}
		MessageListenerContainer consumer = this.listeners.getListenerContainer("billing-usage");
		consumer.stop();
		List<ObjectNode> stream = new ArrayList<>(events);
		for (int i = 0; i < 30; i++) {
			stream.add(events.get(random.nextInt(events.size())));
		}
		Collections.shuffle(stream, random);
		BillingClient.produceAll("usage-events", stream);
		consumer.start();
		await().atMost(PATIENCE).until(() -> BillingClient.recordedEvents(this.jdbc, this.account) > 0);
		consumer.stop();
		// a random subset again, and a known id with another payload
		Collections.shuffle(stream, random);
		ObjectNode conflicting = events.get(0).deepCopy();
		((ObjectNode) conflicting.get("data")).put("windowEnd", "2025-06-04T00:00:00Z");
		List<ObjectNode> replay = new ArrayList<>(stream.subList(0, 40));
		replay.add(conflicting);
		BillingClient.produceAll("usage-events", replay);
		consumer.start();

		await().atMost(PATIENCE).until(() -> BillingClient.usageConsumed(this.consumerGroup) && conflicts() == 1);
		await().atMost(PATIENCE).untilAsserted(() -> {
			BillingClient.Response charges = new BillingClient(this.port).get(
					"/v1/accounts/" + this.account + "/billing/current-month?month=2025-06",
					TestTokens.partner(this.account));
			// 48 + 25 hours x 45 = 3,285 at list; x 0.8 = 2,628
			assertThat(charges.text("/lines/0/quantity")).isEqualTo("73");
			assertThat(charges.text("/costAtList/amount")).isEqualTo("3285");
			assertThat(charges.text("/cost/amount")).isEqualTo("2628");
		});
		assertThat(this.jdbc.sql("select sum(units) from usage_month where account_id = :a")
			.param("a", this.account)
			.query(java.math.BigDecimal.class)
			.single()).isEqualByComparingTo("73");
	}

	private ObjectNode hour(String resource, Instant from, int hours) {
		ObjectNode event = BillingClient.usage(this.account, "c1", resource, this.sku, from.toString(),
				from.plusSeconds(hours * 3600L).toString());
		event.put("id", resource + "-" + from);
		return event;
	}

	private int conflicts() {
		return this.jdbc.sql("select count(*) from usage_conflict where account_id = :a")
			.param("a", this.account)
			.query(Integer.class)
			.single();
	}

}
