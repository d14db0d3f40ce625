package com.cloudpartner.billing.usage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

/**
 * Packs a batch's accepted events into the records of {@code usage-events}: one record
 * per partition (and per {@link #MAX_RECORD_BYTES} of events) whose value is a JSON array
 * of the events as the client sent them, the CloudEvents JSON batch format
 * ({@code application/cloudevents-batch+json}), instead of one record per event (decision
 * 0083). An event goes to the partition that Kafka's default partitioner gives its
 * subject (murmur2 of the key, as for entitlement-service's records of one event keyed by
 * the subject), so that a resource's usage keeps one partition and its order whoever
 * reports it. Per-record work in the producer, the broker and the consumer was a share of
 * each event's cost; an array of a few hundred events pays it once. The consumer reads
 * both shapes ({@link UsageEventsListener}).
 */
final class UsageRecords {

	/** The content type header of a record holding an array of events. */
	static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

	/**
	 * The most bytes of events in one record: well under the producer's
	 * {@code max.request.size} and the broker's {@code message.max.bytes} (1 MiB each by
	 * default), which a whole batch of 1 MiB on one partition would exceed. An event
	 * larger than this goes alone in its record, as it went before arrays.
	 */
	static final int MAX_RECORD_BYTES = 256 * 1024;

	private static final byte[] CONTENT_TYPE = BATCH_CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII);

	private UsageRecords() {
	}

	/** One event to pack: its subject (the resource) and its JSON as sent. */
	record Packed(String subject, byte[] raw) {
	}

	/**
	 * The records of the events: the events of a partition keep their order, within a
	 * record and from one record to the next.
	 * @param traceparent the W3C trace context to carry, or {@code null}
	 */
	static List<ProducerRecord<String, byte[]>> of(String topic, int partitions, List<Packed> events,
			byte[] traceparent) {
		List<ByteArrayOutputStream> open = new ArrayList<>(partitions);
		for (int i = 0; i < partitions; i++) {
			open.add(null);
		}
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
		for (Packed event : events) {
			int partition = partition(event.subject(), partitions);
			ByteArrayOutputStream value = open.get(partition);
			if (value != null && value.size() + 1 + event.raw().length + 1 > MAX_RECORD_BYTES) {
				records.add(record(topic, partition, value, traceparent));
				value = null;
			}
			if (value == null) {
				value = new ByteArrayOutputStream(Math.min(MAX_RECORD_BYTES, 2 + 400 * events.size()));
				value.write('[');
				open.set(partition, value);
			}
			else {
				value.write(',');
			}
			value.writeBytes(event.raw());
		}
		for (int partition = 0; partition < partitions; partition++) {
			ByteArrayOutputStream value = open.get(partition);
			if (value != null) {
				records.add(record(topic, partition, value, traceparent));
			}
		}
		return records;
	}

	/** The partition Kafka's default partitioner gives a record keyed by the subject. */
	static int partition(String subject, int partitions) {
		return Utils.toPositive(Utils.murmur2(subject.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private static ProducerRecord<String, byte[]> record(String topic, int partition, ByteArrayOutputStream value,
			byte[] traceparent) {
		value.write(']');
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, null, value.toByteArray());
		record.headers().add("content-type", CONTENT_TYPE);
		if (traceparent != null) {
			record.headers().add("traceparent", traceparent);
		}
		return record;
	}

}
