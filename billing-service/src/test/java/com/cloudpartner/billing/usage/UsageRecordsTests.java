package com.cloudpartner.billing.usage;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's records of usage against what they must hold, on random batches: each event
 * on the partition Kafka's own partitioner gives its subject as a key (the partition of
 * other producers' records of one event), every event exactly once, in its order within
 * its partition, as the bytes sent, and no record over
 * {@link UsageRecords#MAX_RECORD_BYTES}.
 */
class UsageRecordsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void packsEveryEventOnceOnItsSubjectsPartitionInOrder() {
		Random random = new Random(13);
		for (int round = 0; round < 300; round++) {
			int partitions = 1 + random.nextInt(6);
			int resources = 1 + random.nextInt(40);
			// up to 1,000 events of up to ~3 KB: a batch of up to about 1 MiB, as the API
			// takes
			int count = 1 + random.nextInt(1000);
			int padding = random.nextBoolean() ? random.nextInt(3000) : random.nextInt(200);
			// the events are packed from where they are in the batch as it came, as the
			// API
			// packs them
			ByteArrayOutputStream batch = new ByteArrayOutputStream();
			batch.write('[');
			List<String> subjects = new ArrayList<>();
			List<int[]> slices = new ArrayList<>();
			Map<Integer, List<String>> expected = new HashMap<>();
			for (int i = 0; i < count; i++) {
				String subject = "accounts/a/customers/c/servers/srv-" + random.nextInt(resources) + "-용량";
				String raw = "{\"id\":\"e-" + round + "-" + i + "\",\"subject\":\"" + subject + "\",\"pad\":\""
						+ "x".repeat(random.nextInt(padding + 1)) + "\"}";
				byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
				if (i > 0) {
					batch.write(',');
				}
				slices.add(new int[] { batch.size(), bytes.length });
				batch.writeBytes(bytes);
				subjects.add(subject);
				int partition = BuiltInPartitioner.partitionForKey(subject.getBytes(StandardCharsets.UTF_8),
						partitions);
				expected.computeIfAbsent(partition, (p) -> new ArrayList<>()).add(raw);
			}
			batch.write(']');
			byte[] sent = batch.toByteArray();
			List<UsageRecords.Packed> events = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				events.add(new UsageRecords.Packed(subjects.get(i), sent, slices.get(i)[0], slices.get(i)[1]));
			}
			byte[] trace = random.nextBoolean() ? "00-abc-def-01".getBytes(StandardCharsets.US_ASCII) : null;

			List<ProducerRecord<String, byte[]>> records = UsageRecords.of("usage-events", partitions, events, trace);

			Map<Integer, List<String>> packed = new HashMap<>();
			for (ProducerRecord<String, byte[]> record : records) {
				assertThat(record.topic()).isEqualTo("usage-events");
				assertThat(record.value().length).isLessThanOrEqualTo(UsageRecords.MAX_RECORD_BYTES);
				assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.US_ASCII))
					.isEqualTo("application/cloudevents-batch+json");
				assertThat(record.headers().lastHeader("traceparent") == null).isEqualTo(trace == null);
				JsonNode array = JSON.readTree(record.value());
				assertThat(array.isArray()).isTrue();
				assertThat(array.size()).isPositive();
				for (JsonNode event : array) {
					packed.computeIfAbsent(record.partition(), (p) -> new ArrayList<>())
						.add(JSON.writeValueAsString(event));
				}
			}
			assertThat(packed).as("round " + round).isEqualTo(expected);
		}
	}

}
