package com.cloudpartner.billing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestKafka;

/**
 * What the integration tests do from outside the service: HTTP calls with bearer tokens,
 * and records put on topics with a plain Kafka producer, shaped like docs/events.
 */
final class BillingClient {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	BillingClient(int port) {
		this.port = port;
	}

	Response get(String path, String token) {
		return send(request(path, token).GET());
	}

	Response post(String path, String token, String body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Response post(String path, String token, String body, String idempotencyKey) {
		return send(request(path, token).header("Content-Type", "application/json")
			.header("Idempotency-Key", idempotencyKey)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A POST whose body is streamed without a declared length (chunked), as a client that
	 * does not know its body's size in advance sends it.
	 */
	Response postStreamed(String path, String token, byte[] body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
	}

	Response put(String path, String token, String body) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(20));
		return (token != null) ? builder.header("Authorization", "Bearer " + token) : builder;
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			JsonNode json = (body == null || body.isBlank()) ? null : parse(body);
			return new Response(response.statusCode(), json, body,
					response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			// NDJSON and CSV downloads: the test reads raw()
			return null;
		}
	}

	/**
	 * The start of the hour {@code hoursAgo} hours before the current one, in RFC 3339:
	 * usage that stays inside the dedupe window whenever a test runs.
	 */
	static String hourStart(int hoursAgo) {
		return java.time.Instant.now()
			.truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.minusSeconds(3600L * hoursAgo)
			.toString();
	}

	/** A documented event example with a fresh id. */
	static ObjectNode example(String type) {
		try {
			ObjectNode event = (ObjectNode) JSON
				.readTree(Files.readString(Path.of("../docs/events/" + type + ".json")));
			event.put("id", UUID.randomUUID().toString());
			return event;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** partner.approved of docs/events, for another account. */
	static ObjectNode partnerApproved(String accountId) {
		ObjectNode event = example("partner.approved");
		event.put("subject", "accounts/" + accountId);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("accountId", accountId);
		return event;
	}

	/** usage.recorded of docs/events: one hour of a server of the customer. */
	static ObjectNode hourOfUsage(String accountId, String customerId, String id, String windowStart,
			String windowEnd) {
		ObjectNode event = example("usage.recorded");
		event.put("id", id);
		event.put("subject", "accounts/" + accountId + "/customers/" + customerId + "/servers/srv-1");
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("accountId", accountId);
		data.put("customerId", customerId);
		data.put("windowStart", windowStart);
		data.put("windowEnd", windowEnd);
		return event;
	}

	/**
	 * offer.published of docs/events for its own SKU and offer, with the given prices.
	 */
	static ObjectNode offer(String offer, String sku, String hourly, String monthly, String effectiveTime) {
		ObjectNode event = example("offer.published");
		event.put("subject", offer);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("offer", offer);
		data.put("sku", sku);
		data.put("effectiveTime", effectiveTime);
		((ObjectNode) data.get("prices").get(0).get("listPrice")).put("amount", hourly);
		((ObjectNode) data.get("monthlyPrice")).put("amount", monthly);
		return event;
	}

	/** usage.recorded of a resource of a SKU for a window, with a fresh id. */
	static ObjectNode usage(String accountId, String customerId, String resource, String sku, String windowStart,
			String windowEnd) {
		ObjectNode event = example("usage.recorded");
		event.put("subject", "accounts/" + accountId + "/customers/" + customerId + "/servers/" + resource);
		ObjectNode data = (ObjectNode) event.get("data");
		data.put("accountId", accountId);
		data.put("customerId", customerId);
		data.put("sku", sku);
		data.put("windowStart", windowStart);
		data.put("windowEnd", windowEnd);
		return event;
	}

	/** Produces events keyed by their subject with one producer, in order. */
	static void produceAll(String topic, java.util.List<ObjectNode> events) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			for (ObjectNode event : events) {
				producer.send(new ProducerRecord<>(topic, event.get("subject").asString(), event.toString()));
			}
			producer.flush();
		}
	}

	/**
	 * The usage events of an account that the consumer recorded: quantities (and usage of
	 * zero) in {@code usage_record}, billable hours and days by the identities their rows
	 * carry (decision 0070; an hourly event whose hours other events had all reported
	 * carries none).
	 */
	static int recordedEvents(org.springframework.jdbc.core.simple.JdbcClient jdbc, String account) {
		return jdbc.sql("""
				select (select count(*) from usage_record where account_id = :a)
				    + (select count(distinct event_key) from billable_hour where account_id = :a)
				    + (select count(distinct event_key) from billable_day where account_id = :a)""")
			.param("a", account)
			.query(Integer.class)
			.single();
	}

	/**
	 * Whether the billing consumer group (the context's
	 * {@code platform.billing.consumer-group}) has committed, and so stored, everything
	 * on the usage topic.
	 */
	static boolean usageConsumed(String group) {
		String topic = "usage-events";
		try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin
			.create(java.util.Map.of(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					TestKafka.bootstrapServers()))) {
			java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = admin
				.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get();
			java.util.Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
			admin.describeTopics(java.util.List.of(topic))
				.allTopicNames()
				.get()
				.get(topic)
				.partitions()
				.forEach((p) -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
						org.apache.kafka.clients.admin.OffsetSpec.latest()));
			var ends = admin.listOffsets(latest).all().get();
			return ends.entrySet().stream().allMatch((end) -> {
				var offset = committed.get(end.getKey());
				return (offset != null) ? offset.offset() >= end.getValue().offset() : end.getValue().offset() == 0;
			});
		}
		catch (Exception ex) {
			return false;
		}
	}

	/** What {@link #refuseHoursOf} set up; closing it takes it away. */
	interface Refusal extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Makes the database refuse every billable hour of the account, until closed: a
	 * trigger raising "refused by the test", a store failure no retry can mend.
	 */
	static Refusal refuseHoursOf(org.springframework.jdbc.core.simple.JdbcClient jdbc, String account) {
		String function = "refuse_" + UUID.randomUUID().toString().replace("-", "");
		jdbc.sql("create function " + function + "() returns trigger language plpgsql as $$ begin"
				+ " if new.account_id = '" + account + "' then raise exception 'refused by the test'; end if;"
				+ " return new; end $$")
			.update();
		jdbc.sql("create trigger " + function + " before insert on billable_hour for each row execute function "
				+ function + "()")
			.update();
		return () -> {
			jdbc.sql("drop trigger " + function + " on billable_hour").update();
			jdbc.sql("drop function " + function + "()").update();
		};
	}

	/**
	 * A consumer of {@code usage-events.DLT} from its beginning, in a group of its own.
	 */
	static KafkaConsumer<String, String> deadLetterConsumer() {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
		consumer.subscribe(java.util.List.of("usage-events.DLT"));
		return consumer;
	}

	/**
	 * One poll of a {@link #deadLetterConsumer()} (up to 500 ms): the dead letters whose
	 * value holds {@code marker}, for the test's own among those of other tests.
	 */
	static java.util.List<ConsumerRecord<String, String>> deadLettersWith(KafkaConsumer<String, String> consumer,
			String marker) {
		java.util.List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
		for (ConsumerRecord<String, String> letter : consumer.poll(Duration.ofMillis(500))) {
			if (letter.value().contains(marker)) {
				found.add(letter);
			}
		}
		return found;
	}

	/** The reason a dead letter carries: the error handler's exception message header. */
	static String deadLetterReason(ConsumerRecord<String, String> letter) {
		return new String(letter.headers().lastHeader("kafka_dlt-exception-message").value(),
				java.nio.charset.StandardCharsets.UTF_8);
	}

	static void produce(String topic, String key, String value) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, JsonNode body, String raw, String contentType) {

		String text(String pointer) {
			return this.body.at(pointer).asString();
		}

	}

}
