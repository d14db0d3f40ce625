package com.cloudpartner.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * A billing run started while usage that Kafka already acknowledged is still waiting for
 * billing's consumer: the run waits for the consumer, and the month's invoice holds that
 * usage instead of leaving it to the next invoice as late usage. (Once, in a full build
 * on a loaded machine, a partner's run for last month ended before its usage was rated
 * and issued no invoice at all.)
 */
class BillingRunBacklogIT extends BillingIntegrationTest {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private final String account = "backlog-" + UUID.randomUUID().toString().substring(0, 8);

	private final String sku = "products/backlog/skus/" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aRunInvoicesUsageThatWasAcknowledgedBeforeItEvenWhenTheConsumerLags() throws Exception {
		BillingClient.produce("partner-events", "accounts/" + this.account,
				BillingClient.partnerApproved(this.account).toString());
		Projections.customers(this.jdbc, this.account, "c1");
		String offer = "offers/" + this.sku.replace('/', '-');
		BillingClient.produce("entitlement-events", offer,
				BillingClient.offer(offer, this.sku, "45", "30000", "2020-01-01T00:00:00Z").toString());
		BillingClient client = new BillingClient(this.port);
		// the offer's price reached billing (its consumer is running)
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :sku")
				.param("sku", this.sku)
				.query(Integer.class)
				.single() > 0);

		MessageListenerContainer consumer = this.listeners.getListenerContainer("billing-usage");
		consumer.stop();
		try {
			List<ObjectNode> events = new ArrayList<>();
			Instant start = Instant.parse("2025-05-10T00:00:00Z");
			for (int h = 0; h < 48; h++) {
				Instant from = start.plusSeconds(h * 3600L);
				events.add(BillingClient.usage(this.account, "c1", "srv-1", this.sku, from.toString(),
						from.plusSeconds(3600).toString()));
			}
			BillingClient.produceAll("usage-events", events);

			BillingClient.Response started = client.post("/v1/billing-runs", TestTokens.operator(),
					"{\"month\":\"2025-05\",\"accountId\":\"" + this.account + "\"}");
			assertThat(started.status()).as(started.raw()).isEqualTo(202);
			String run = "/v1/billing-runs/" + started.text("/id");
			// without the wait the run would be over in milliseconds, with nothing to
			// invoice
			Thread.sleep(2_000);
			assertThat(client.get(run, TestTokens.operator()).text("/state")).isEqualTo("RUNNING");

			consumer.start();
			await().atMost(PATIENCE)
				.until(() -> !"RUNNING".equals(client.get(run, TestTokens.operator()).text("/state")));
			BillingClient.Response done = client.get(run, TestTokens.operator());
			assertThat(done.text("/state")).as(done.raw()).isEqualTo("SUCCEEDED");
			assertThat(done.text("/invoicesIssued")).as(done.raw()).isEqualTo("1");
		}
		finally {
			if (!consumer.isRunning()) {
				consumer.start();
			}
		}
		BillingClient.Response invoices = client.get("/v1/accounts/" + this.account + "/invoices",
				TestTokens.partner(this.account));
		assertThat(invoices.status()).as(invoices.raw()).isEqualTo(200);
		// 48 hours at 45 KRW = 2,160 at list; the partner's cost x 0.8 = 1,728
		assertThat(invoices.text("/invoices/0/month")).as(invoices.raw()).isEqualTo("2025-05");
		assertThat(invoices.text("/invoices/0/subtotal/amount")).as(invoices.raw()).isEqualTo("1728");
	}

}
