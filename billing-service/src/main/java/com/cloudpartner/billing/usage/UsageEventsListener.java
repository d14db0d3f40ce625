package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import com.cloudpartner.support.outbox.ByteDeadLetters;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Consumes accepted usage a poll at a time, on one thread by default: up to 5,000 events
 * a poll, and a fetch waits up to 400 ms for 2 MiB, so that a consumer that keeps up
 * still stores large batches (a few statements and one commit for thousands of events),
 * and the consumer's CPU comes in bursts on one core that leave the other to the API's
 * answers (decision 0079, docs/benchmarks.md, "Issue 13, ingestion"). A partition may
 * return as much as the fetch waits for: at Kafka's default of 1 MiB a partition, a
 * consumer that owned a single partition never filled its fetch and waited the full 400
 * ms for each. Valid events are stored by {@link UsageBatchRecorder} in one transaction;
 * an event that is not a valid {@code usage.recorded} (it can only get here by bypassing
 * the API) is poison and is put on {@code usage-events.DLT} with the reason before the
 * batch is stored, so that nothing is dropped silently; so is usage older than the dedupe
 * window ({@link DedupeWindow}). A failure to store retries the whole batch (idempotent)
 * and finally dead-letters it through the platform's error handler. Records are read as
 * their bytes, as the API sent them: the parser of UTF-8 bytes cost a sixth less per
 * event than decoding each into a string and parsing its characters
 * ({@code deploy/bench/billing-bench.sh read}), and a dead letter carries the record's
 * bytes unchanged ({@link ByteDeadLetters}, which the error handler uses too).
 */
@Component
class UsageEventsListener {

	static final String DEAD_LETTERS = UsageIngestion.TOPIC + ".DLT";

	private static final Logger log = LoggerFactory.getLogger(UsageEventsListener.class);

	/**
	 * Parsers for the records, with the buffers of each consumer thread kept by that
	 * thread: the mapper's shared pool handed them out from a concurrent deque once per
	 * record, which cost ~3 % of the consumer's samples in the ingestion benchmark's
	 * profile (the consumers are long-lived platform threads).
	 */
	private static final JsonFactory RECORDS = JsonFactory.builder()
		.recyclerPool(JsonRecyclerPools.threadLocalPool())
		.build();

	private final UsageBatchRecorder recorder;

	private final KafkaTemplate<String, byte[]> deadLetters;

	private final DedupeWindow window;

	UsageEventsListener(UsageBatchRecorder recorder, ByteDeadLetters deadLetters, DedupeWindow window) {
		this.recorder = recorder;
		this.deadLetters = deadLetters.template();
		this.window = window;
	}

	@KafkaListener(id = "billing-usage", topics = UsageIngestion.TOPIC,
			groupId = "${platform.billing.consumer-group:billing-service}", batch = "true",
			concurrency = "${platform.billing.usage-consumers:1}",
			properties = { "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
					"max.poll.records=${platform.billing.usage-poll-records:5000}",
					"fetch.min.bytes=${platform.billing.usage-fetch-min-bytes:2097152}",
					"max.partition.fetch.bytes=${platform.billing.usage-fetch-min-bytes:2097152}",
					"fetch.max.wait.ms=${platform.billing.usage-fetch-max-wait-ms:400}" })
	void onUsage(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		List<UsageEvent> events = new ArrayList<>(records.size());
		List<CompletableFuture<?>> deadLettered = new ArrayList<>();
		Instant cutoff = this.window.consumerCutoff();
		for (ConsumerRecord<String, byte[]> record : records) {
			String reason;
			try {
				UsageEventValidator.Result result = UsageEventValidator.validate(fields(record.value()));
				if (result instanceof UsageEventValidator.Valid valid) {
					String tooOld = this.window.refusal(valid.event(), cutoff);
					if (tooOld == null) {
						events.add(valid.event());
						continue;
					}
					reason = "Usage event " + valid.event().id() + " refused: " + tooOld;
				}
				else {
					UsageEventValidator.Invalid invalid = (UsageEventValidator.Invalid) result;
					reason = "Invalid usage event " + invalid.id() + ": " + invalid.reason();
				}
			}
			catch (JacksonException ex) {
				reason = "Not JSON: " + ex.getOriginalMessage();
			}
			log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
			deadLettered.add(this.deadLetters.send(deadLetter(record, reason)));
		}
		// the poison is safely on the DLT before the offsets of its batch can be
		// committed
		CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		if (!events.isEmpty()) {
			int added = this.recorder.recordAll(events);
			log.debug("Usage batch of {}: {} new", events.size(), added);
		}
	}

	/**
	 * The members of one record's event, read in one pass without a tree (as the API
	 * reads them); like a tree, a record holds one JSON value and nothing after it.
	 */
	private EventFields fields(byte[] value) {
		if (value == null) {
			throw new StreamReadException("no value (a tombstone)");
		}
		try (JsonParser parser = RECORDS.createParser(ObjectReadContext.empty(), value)) {
			parser.nextToken();
			EventFields fields = EventFields.read(parser, false);
			if (parser.currentToken() != null && parser.nextToken() != null) {
				throw new StreamReadException(parser, "trailing token " + parser.currentToken() + " after the event");
			}
			return fields;
		}
	}

	private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
		ProducerRecord<String, byte[]> dead = new ProducerRecord<>(DEAD_LETTERS, record.key(), record.value());
		dead.headers().add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
		dead.headers().add("kafka_dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add("kafka_dlt-original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add("kafka_dlt-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
		return dead;
	}

}
