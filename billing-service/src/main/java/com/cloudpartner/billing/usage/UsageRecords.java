package com.cloudpartner.billing.usage;

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
	 * default), which a whole batch of 1 MiB on one partition would exceed. The API
	 * refuses an event larger than this ({@code EVENT_TOO_LARGE}); one would go alone in
	 * its record.
	 */
	static final int MAX_RECORD_BYTES = 256 * 1024;

	private static final byte[] CONTENT_TYPE = BATCH_CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII);

	private UsageRecords() {
	}

	/**
	 * One event to pack: its subject (the resource) and its JSON as sent, the
	 * {@code length} bytes from {@code offset} in {@code source} (the batch it came in).
	 */
	record Packed(String subject, byte[] source, int offset, int length) {
	}

	/**
	 * The records of the events: the events of a partition keep their order, within a
	 * record and from one record to the next.
	 * @param traceparent the W3C trace context to carry, or {@code null}
	 */
	static List<ProducerRecord<String, byte[]>> of(String topic, int partitions, List<Packed> events,
			byte[] traceparent) {
		List<List<Packed>> byPartition = new ArrayList<>(partitions);
		for (int i = 0; i < partitions; i++) {
			byPartition.add(new ArrayList<>());
		}
		for (Packed event : events) {
			byPartition.get(partition(event.subject(), partitions)).add(event);
		}
		List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
		for (int partition = 0; partition < partitions; partition++) {
			List<Packed> raws = byPartition.get(partition);
			int from = 0;
			while (from < raws.size()) {
				// '[' and, per event, its bytes and a ',' or the closing ']'
				int size = 1 + raws.get(from).length() + 1;
				int to = from + 1;
				while (to < raws.size() && size + raws.get(to).length() + 1 <= MAX_RECORD_BYTES) {
					size += raws.get(to).length() + 1;
					to++;
				}
				records.add(record(topic, partition, array(raws.subList(from, to), size), traceparent));
				from = to;
			}
		}
		return records;
	}

	/** The events as a JSON array, in a buffer of exactly its size. */
	private static byte[] array(List<Packed> raws, int size) {
		byte[] value = new byte[size];
		value[0] = '[';
		int at = 1;
		for (Packed raw : raws) {
			System.arraycopy(raw.source(), raw.offset(), value, at, raw.length());
			at += raw.length();
			value[at++] = ',';
		}
		value[size - 1] = ']';
		return value;
	}

	/** The partition Kafka's default partitioner gives a record keyed by the subject. */
	static int partition(String subject, int partitions) {
		return Utils.toPositive(Utils.murmur2(subject.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	private static ProducerRecord<String, byte[]> record(String topic, int partition, byte[] value,
			byte[] traceparent) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, null, value);
		record.headers().add("content-type", CONTENT_TYPE);
		if (traceparent != null) {
			record.headers().add("traceparent", traceparent);
		}
		return record;
	}

}
