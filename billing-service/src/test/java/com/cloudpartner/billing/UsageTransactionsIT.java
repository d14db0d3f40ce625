package com.cloudpartner.billing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.cloudpartner.support.test.TestKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poll of records holding many events is stored in transactions of whole records of at
 * least {@code usage-transaction-events} events (here 3: the first record, of three
 * hours, is a transaction of its own; the other three, of an hour each, one together).
 * When the store refuses one record for good (a trigger of the test's own refuses one
 * account's hours), that record alone is dead-lettered: the records before it are stored,
 * the one before it in its failing transaction too, and the one after it once the refused
 * one is out of the way. Were the poll or the transaction failed as a whole, the error
 * handler would dead-letter records around the refused one after its retries, unstored.
 */
@TestPropertySource(properties = "platform.billing.usage-transaction-events=3")
class UsageTransactionsIT extends BillingIntegrationTest {

	/**
	 * The day of the usage: two days ago (UTC), inside the dedupe window whenever the
	 * test runs.
	 */
	private static final java.time.LocalDate DAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2);

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRecordTheStoreRefusesIsDeadLetteredAloneAndTheRecordsAroundItAreStored() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String good = "tx-good-" + suffix;
		String refused = "tx-refused-" + suffix;
		String customer = UUID.randomUUID().toString();
		try (BillingClient.Refusal refusal = BillingClient.refuseHoursOf(this.jdbc, refused);
				KafkaConsumer<String, String> deadLetters = BillingClient.deadLetterConsumer()) {
			List<String> records = List.of(
					"[" + hour(good, customer, 1, "05") + "," + hour(good, customer, 2, "06") + ","
							+ hour(good, customer, 3, "07") + "]",
					"[" + hour(good, customer, 4, "08") + "]", "[" + hour(refused, customer, 1, "05") + "]",
					"[" + hour(good, customer, 5, "09") + "]");
			// one partition, in this order, in one produce request: one poll
			try (KafkaProducer<String, String> producer = producer()) {
				for (String record : records) {
					producer.send(new ProducerRecord<>("usage-events", "tx-" + suffix, record));
				}
				producer.flush();
			}
			List<String> dead = new ArrayList<>();
			await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
				BillingClient.deadLettersWith(deadLetters, suffix).forEach((letter) -> dead.add(letter.value()));
				return BillingClient.recordedEvents(this.jdbc, good) == 5 && !dead.isEmpty();
			});
			// a little longer, for a dead letter of the other records that would follow
			long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (System.nanoTime() < until) {
				BillingClient.deadLettersWith(deadLetters, suffix).forEach((letter) -> dead.add(letter.value()));
			}
			assertThat(dead).containsExactly(records.get(2));
		}
		assertThat(BillingClient.recordedEvents(this.jdbc, refused)).isZero();
		assertThat(this.jdbc.sql("select hour_start from billable_hour where account_id = :a order by 1")
			.param("a", good)
			.query(java.time.OffsetDateTime.class)
			.list()
			.stream()
			.map((hour) -> hour.toInstant().toString())).containsExactly(DAY + "T05:00:00Z", DAY + "T06:00:00Z",
					DAY + "T07:00:00Z", DAY + "T08:00:00Z", DAY + "T09:00:00Z");
	}

	private static String hour(String account, String customer, int n, String hour) {
		return BillingClient
			.hourOfUsage(account, customer, account + "-" + n, DAY + "T" + hour + ":00:00Z",
					DAY + "T%02d:00:00Z".formatted(Integer.parseInt(hour) + 1))
			.toString();
	}

	private static KafkaProducer<String, String> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 50);
		return new KafkaProducer<>(config);
	}

}
