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
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Consumes accepted usage a poll at a time (up to 2,000 events; a fetch waits up to 100
 * ms for 256 KiB, so that a consumer that keeps up still stores large batches: fewer
 * statements and commits per event, see docs/benchmarks.md, "Issue 13, ingestion"): valid
 * events are stored by {@link UsageBatchRecorder} in one transaction; an event that is
 * not a valid {@code usage.recorded} (it can only get here by bypassing the API) is
 * poison and is put on {@code usage-events.DLT} with the reason before the batch is
 * stored, so that nothing is dropped silently; so is usage older than the dedupe window
 * ({@link DedupeWindow}). A failure to store retries the whole batch (idempotent) and
 * finally dead-letters it through the platform's error handler.
 */
@Component
class UsageEventsListener {

	static final String DEAD_LETTERS = UsageIngestion.TOPIC + ".DLT";

	private static final Logger log = LoggerFactory.getLogger(UsageEventsListener.class);

	private final JsonMapper json;

	private final UsageBatchRecorder recorder;

	private final KafkaTemplate<String, String> kafka;

	private final DedupeWindow window;

	UsageEventsListener(JsonMapper json, UsageBatchRecorder recorder, KafkaTemplate<String, String> kafka,
			DedupeWindow window) {
		this.json = json;
		this.recorder = recorder;
		this.kafka = kafka;
		this.window = window;
	}

	@KafkaListener(id = "billing-usage", topics = UsageIngestion.TOPIC,
			groupId = "${platform.billing.consumer-group:billing-service}", batch = "true",
			concurrency = "${platform.billing.usage-consumers:3}",
			properties = { "max.poll.records=${platform.billing.usage-poll-records:2000}",
					"fetch.min.bytes=${platform.billing.usage-fetch-min-bytes:262144}",
					"fetch.max.wait.ms=${platform.billing.usage-fetch-max-wait-ms:100}" })
	void onUsage(List<ConsumerRecord<String, String>> records) throws Exception {
		List<UsageEvent> events = new ArrayList<>(records.size());
		List<CompletableFuture<?>> deadLetters = new ArrayList<>();
		Instant cutoff = this.window.consumerCutoff();
		for (ConsumerRecord<String, String> record : records) {
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
			deadLetters.add(this.kafka.send(deadLetter(record, reason)));
		}
		// the poison is safely on the DLT before the offsets of its batch can be
		// committed
		CompletableFuture.allOf(deadLetters.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		if (!events.isEmpty()) {
			int added = this.recorder.recordAll(events);
			log.debug("Usage batch of {}: {} new", events.size(), added);
		}
	}

	/**
	 * The members of one record's event, read in one pass without a tree (as the API
	 * reads them); like a tree, a record holds one JSON value and nothing after it.
	 */
	private EventFields fields(String value) {
		if (value == null) {
			throw new StreamReadException("no value (a tombstone)");
		}
		try (JsonParser parser = this.json.createParser(value)) {
			parser.nextToken();
			EventFields fields = EventFields.read(parser, false);
			if (parser.currentToken() != null && parser.nextToken() != null) {
				throw new StreamReadException(parser, "trailing token " + parser.currentToken() + " after the event");
			}
			return fields;
		}
	}

	private static ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> record, String reason) {
		ProducerRecord<String, String> dead = new ProducerRecord<>(DEAD_LETTERS, record.key(), record.value());
		dead.headers().add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
		dead.headers().add("kafka_dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add("kafka_dlt-original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add("kafka_dlt-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
		return dead;
	}

}
