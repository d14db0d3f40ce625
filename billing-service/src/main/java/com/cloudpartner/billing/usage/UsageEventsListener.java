package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;

import com.cloudpartner.support.outbox.ByteDeadLetters;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes accepted usage a poll at a time, on one thread by default: up to 5,000 records
 * a poll, and a fetch waits up to 100 ms for 256 KiB (compressed), so that a consumer
 * that keeps up still stores large batches (a few statements and one commit for some
 * thousands of events: ~5,000 at 50,000 events/s), and the consumer's CPU comes in bursts
 * on one core that leave the other to the API's answers (decision 0079,
 * docs/benchmarks.md, "Issue 13, ingestion"). The fetch is no larger (decision 0084):
 * since the API's records hold arrays, a fetch of 400 ms and 2 MiB a partition brought
 * some 20,000 events a poll, all held, as records and as parsed events, until the poll
 * was stored; the young collections that met them copied tens of MB and promoted them,
 * and the old generation filled into full collections that stopped the API's answers for
 * ~250 ms. A partition may return as much as the fetch waits for, and no more: a consumer
 * catching up reads 256 KiB a partition a poll. The API's records each hold an array of
 * events ({@link UsageRecords}, decision 0083), other producers' one event; both are
 * read. Valid events are stored by {@link UsageBatchRecorder} in transactions of whole
 * records and about 5,000 events ({@code platform.billing.usage-transaction-events}); an
 * event that is not a valid {@code usage.recorded} (it can only get here by bypassing the
 * API) is poison and is put on {@code usage-events.DLT} as its own bytes with the reason
 * before its transaction is stored, so that nothing is dropped silently; so is usage
 * older than the dedupe window ({@link DedupeWindow}). A failure to store is narrowed
 * down to the record whose store fails: the records before it are stored, that one alone
 * is retried and finally dead-lettered through the platform's error handler, and those
 * after it come again (all usage is idempotent). Records are read as their bytes, as the
 * API sent them: the parser of UTF-8 bytes cost a sixth less per event than decoding each
 * into a string and parsing its characters ({@code deploy/bench/billing-bench.sh read}),
 * and a dead letter carries the bytes that were sent ({@link ByteDeadLetters}, which the
 * error handler uses too).
 */
@Component
class UsageEventsListener {

	static final String DEAD_LETTERS = UsageIngestion.TOPIC + ".DLT";

	/** The header of a dead letter that is one event of a record's array: its index. */
	static final String BATCH_INDEX = "usage-batch-index";

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

	/**
	 * A transaction stores the events of whole records until it holds at least this many:
	 * a poll of records of a few hundred events each would otherwise be one transaction
	 * of tens of thousands (decision 0079 bounds the bursts to ~5,000).
	 */
	private final int transactionEvents;

	UsageEventsListener(UsageBatchRecorder recorder, ByteDeadLetters deadLetters, DedupeWindow window,
			@Value("${platform.billing.usage-transaction-events:5000}") int transactionEvents) {
		this.recorder = recorder;
		this.transactionEvents = transactionEvents;
		this.deadLetters = deadLetters.template();
		this.window = window;
	}

	@KafkaListener(id = "billing-usage", topics = UsageIngestion.TOPIC,
			groupId = "${platform.billing.consumer-group:billing-service}", batch = "true",
			concurrency = "${platform.billing.usage-consumers:1}",
			properties = { "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
					"max.poll.records=${platform.billing.usage-poll-records:5000}",
					"fetch.min.bytes=${platform.billing.usage-fetch-min-bytes:262144}",
					"max.partition.fetch.bytes=${platform.billing.usage-fetch-min-bytes:262144}",
					"fetch.max.wait.ms=${platform.billing.usage-fetch-max-wait-ms:100}" })
	void onUsage(List<ConsumerRecord<String, byte[]>> records) throws Exception {
		Instant cutoff = this.window.consumerCutoff();
		List<List<UsageEvent>> chunk = new ArrayList<>();
		List<CompletableFuture<?>> deadLettered = new ArrayList<>();
		int first = 0;
		int events = 0;
		for (int i = 0; i < records.size(); i++) {
			List<UsageEvent> read = read(records.get(i), cutoff, deadLettered);
			chunk.add(read);
			events += read.size();
			if (events >= this.transactionEvents || i + 1 == records.size()) {
				store(chunk, deadLettered, first);
				chunk.clear();
				events = 0;
				first = i + 1;
			}
		}
	}

	/**
	 * Stores the events of consecutive records, those of {@code chunk} (the first of
	 * which is at {@code first} in the poll), in one transaction, once the poison among
	 * them is safely on the DLT (before the offsets of their records can be committed).
	 * When the store fails, each record's events are stored in a transaction of their
	 * own, up to the record whose store fails: the error handler is told that record, so
	 * that the records before it count as done and only that one is retried and finally
	 * dead-lettered, the records after it coming again (all usage is idempotent).
	 */
	private void store(List<List<UsageEvent>> chunk, List<CompletableFuture<?>> deadLettered, int first)
			throws Exception {
		CompletableFuture.allOf(deadLettered.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		deadLettered.clear();
		List<UsageEvent> events = new ArrayList<>();
		chunk.forEach(events::addAll);
		if (events.isEmpty()) {
			return;
		}
		try {
			int added = this.recorder.recordAll(events);
			log.debug("Usage batch of {}: {} new", events.size(), added);
			return;
		}
		catch (RuntimeException ex) {
			if (chunk.size() == 1) {
				throw notStored(ex, first);
			}
			log.warn("Usage of records {} to {} of the poll not stored, storing them one by one: {}", first,
					first + chunk.size() - 1, ex.toString());
		}
		for (int i = 0; i < chunk.size(); i++) {
			try {
				if (!chunk.get(i).isEmpty()) {
					this.recorder.recordAll(chunk.get(i));
				}
			}
			catch (RuntimeException ex) {
				throw notStored(ex, first + i);
			}
		}
	}

	/**
	 * The failure of a record's store, for the error handler: its message (which a dead
	 * letter carries) is the database's.
	 */
	private static BatchListenerFailedException notStored(RuntimeException ex, int index) {
		return new BatchListenerFailedException("Usage of record " + index + " of the poll not stored: "
				+ NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), ex, index);
	}

	/**
	 * Reads one record: an array of events (the API's, {@link UsageRecords}) or one event
	 * (other producers'). Returns its valid events inside the dedupe window; any other
	 * event is dead-lettered as its own bytes, with the reason. A record that is not JSON
	 * is dead-lettered whole, and none of its events is stored.
	 */
	private List<UsageEvent> read(ConsumerRecord<String, byte[]> record, Instant cutoff,
			List<CompletableFuture<?>> deadLettered) {
		byte[] value = record.value();
		List<UsageEvent> valid = new ArrayList<>();
		List<ProducerRecord<String, byte[]>> poison = new ArrayList<>();
		try {
			if (value == null) {
				throw new StreamReadException("no value (a tombstone)");
			}
			try (JsonParser parser = RECORDS.createParser(ObjectReadContext.empty(), value)) {
				if (parser.nextToken() == JsonToken.START_ARRAY) {
					int index = 0;
					for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
						if (next == null) {
							throw new StreamReadException(parser, "the array of events is not closed");
						}
						int from = (int) parser.currentTokenLocation().getByteOffset();
						String reason = check(EventFields.read(parser, false), cutoff, valid);
						if (reason != null) {
							int to = (int) parser.currentLocation().getByteOffset();
							poison.add(deadLetter(record, Arrays.copyOfRange(value, from, to), index, reason));
						}
						index++;
					}
				}
				else {
					String reason = check(EventFields.read(parser, false), cutoff, valid);
					if (reason != null) {
						poison.add(deadLetter(record, value, -1, reason));
					}
				}
				// like a tree, a record holds one JSON value and nothing after it
				if (parser.currentToken() != null && parser.nextToken() != null) {
					throw new StreamReadException(parser,
							"trailing token " + parser.currentToken() + " after the value");
				}
			}
		}
		catch (JacksonException ex) {
			valid.clear();
			poison.clear();
			poison.add(deadLetter(record, value, -1, "Not JSON: " + ex.getOriginalMessage()));
		}
		for (ProducerRecord<String, byte[]> dead : poison) {
			log.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), new String(
					dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8));
			deadLettered.add(this.deadLetters.send(dead));
		}
		return valid;
	}

	/**
	 * Adds the event to {@code valid} when it is a valid {@code usage.recorded} inside
	 * the dedupe window; otherwise returns why it is not.
	 */
	private String check(EventFields fields, Instant cutoff, List<UsageEvent> valid) {
		UsageEventValidator.Result result = UsageEventValidator.validate(fields);
		if (result instanceof UsageEventValidator.Valid ok) {
			String tooOld = this.window.refusal(ok.event(), cutoff);
			if (tooOld == null) {
				valid.add(ok.event());
				return null;
			}
			return "Usage event " + ok.event().id() + " refused: " + tooOld;
		}
		UsageEventValidator.Invalid invalid = (UsageEventValidator.Invalid) result;
		return "Invalid usage event " + invalid.id() + ": " + invalid.reason();
	}

	/**
	 * A dead letter of a record's value, or of one event of its array ({@code index} from
	 * 0, in the header {@value #BATCH_INDEX}; -1 for the whole value).
	 */
	private static ProducerRecord<String, byte[]> deadLetter(ConsumerRecord<String, byte[]> record, byte[] value,
			int index, String reason) {
		ProducerRecord<String, byte[]> dead = new ProducerRecord<>(DEAD_LETTERS, record.key(), value);
		dead.headers().add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
		dead.headers().add("kafka_dlt-original-topic", record.topic().getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add("kafka_dlt-original-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
		dead.headers()
			.add("kafka_dlt-original-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
		if (index >= 0) {
			dead.headers().add(BATCH_INDEX, Integer.toString(index).getBytes(StandardCharsets.US_ASCII));
		}
		return dead;
	}

}
