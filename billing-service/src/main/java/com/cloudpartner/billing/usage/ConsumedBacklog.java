package com.cloudpartner.billing.usage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * What billing had been sent before a moment and has consumed since: a billing run first
 * waits until billing's consumer group has committed, on every partition of the topics it
 * reads (usage, partner and entitlement events), the end offsets those partitions had
 * when the run started. Usage acknowledged before the run (the API answers 202 only once
 * Kafka has it) is then rated before the month is invoiced, instead of arriving as late
 * usage on the next invoice because the consumer happened to lag. A consumer that does
 * not catch up within the wait (Kafka away, a batch that keeps failing) does not hold the
 * run: it goes on, and what comes later is invoiced as late usage, as always.
 */
@Component
public class ConsumedBacklog {

	static final List<String> TOPICS = List.of(UsageIngestion.TOPIC, "partner-events", "entitlement-events");

	private static final Logger log = LoggerFactory.getLogger(ConsumedBacklog.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final long CALL_TIMEOUT_MS = 5_000;

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(2);

	private final KafkaAdmin kafkaAdmin;

	private final String group;

	private final Duration wait;

	ConsumedBacklog(KafkaAdmin kafkaAdmin, @Value("${platform.billing.consumer-group:billing-service}") String group,
			@Value("${platform.billing.run-consumer-wait:PT2M}") Duration wait) {
		this.kafkaAdmin = kafkaAdmin;
		this.group = group;
		this.wait = wait;
	}

	/**
	 * Waits until everything on billing's topics now has been consumed, at most the
	 * configured wait ({@code platform.billing.run-consumer-wait}, 2 minutes).
	 * @return whether the consumer caught up; {@code false} after the wait, or when Kafka
	 * cannot be asked
	 */
	public boolean awaitConsumed() {
		long started = System.nanoTime();
		long deadline = started + this.wait.toNanos();
		// a run is monthly or an operator's: an Admin client for its wait only (closed
		// without waiting for calls Kafka left unanswered)
		Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
		try {
			Map<TopicPartition, Long> ends;
			try {
				ends = endOffsets(admin);
			}
			catch (Exception ex) {
				log.warn("Could not read the end offsets of {} ({}); the billing run goes on without waiting", TOPICS,
						ex.toString());
				return false;
			}
			Map<TopicPartition, Long> behind = ends;
			while (true) {
				try {
					behind = behind(admin, ends);
					if (behind.isEmpty()) {
						log.info("Billing's consumers had consumed everything sent before the run ({} ms)",
								(System.nanoTime() - started) / 1_000_000);
						return true;
					}
				}
				catch (Exception ex) {
					log.debug("Could not read the committed offsets of {}: {}", this.group, ex.toString());
				}
				if (System.nanoTime() >= deadline) {
					log.warn("Billing's consumers are still behind after {} on {}; the billing run goes on, later "
							+ "usage is invoiced as late usage", this.wait, behind);
					return false;
				}
				Thread.sleep(POLL);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			admin.close(CLOSE_TIMEOUT);
		}
	}

	/** The end offset of every partition of billing's topics that holds records. */
	private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
		Map<String, TopicDescription> topics = admin.describeTopics(TOPICS)
			.allTopicNames()
			.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		topics.values()
			.forEach((topic) -> topic.partitions()
				.forEach((p) -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
		Map<TopicPartition, Long> ends = new HashMap<>();
		admin.listOffsets(latest).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS).forEach((partition, info) -> {
			if (info.offset() > 0) {
				ends.put(partition, info.offset());
			}
		});
		return ends;
	}

	/** The partitions whose committed offset is still below the given end. */
	private Map<TopicPartition, Long> behind(Admin admin, Map<TopicPartition, Long> ends) throws Exception {
		Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.group)
			.partitionsToOffsetAndMetadata()
			.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
		Map<TopicPartition, Long> behind = new HashMap<>();
		ends.forEach((partition, end) -> {
			OffsetAndMetadata offset = committed.get(partition);
			long at = (offset != null) ? offset.offset() : 0;
			if (at < end) {
				behind.put(partition, end - at);
			}
		});
		return behind;
	}

}
