package com.cloudpartner.entitlement;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

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

import com.cloudpartner.support.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.fail;

/**
 * What every {@code *IT} of this module shares, including its one application context:
 * the whole service on real PostgreSQL and Kafka with the demo catalog (profile
 * {@code local}), partner-service's customer look-up answered by
 * {@link PartnerServiceStub}, an HTTP client and plain Kafka clients.
 */
@IntegrationTest
@ActiveProfiles({ "local", "test" })
abstract class IntegrationTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@DynamicPropertySource
	static void partnerService(DynamicPropertyRegistry registry) {
		registry.add("platform.services.partner", PartnerServiceStub::url);
	}

	Response call(HttpMethod method, String path, String token, Object body) {
		return call(method, path, token, body, Map.of());
	}

	Response call(HttpMethod method, String path, String token, Object body, Map<String, String> headers) {
		RestClient.RequestBodySpec request = RestClient.create()
			.method(method)
			.uri("http://localhost:" + this.port + path)
			.headers((h) -> {
				if (token != null) {
					h.setBearerAuth(token);
				}
				headers.forEach(h::add);
			});
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON)
				.body((body instanceof String text) ? text : this.json.writeValueAsString(body));
		}
		return request.exchange((req, res) -> {
			String text = new String(res.getBody().readAllBytes());
			return new Response(res.getStatusCode().value(), res.getHeaders(),
					text.isEmpty() ? null : this.json.readTree(text));
		});
	}

	Response get(String path, String token) {
		return call(HttpMethod.GET, path, token, null);
	}

	Response post(String path, String token, Object body) {
		return call(HttpMethod.POST, path, token, body);
	}

	void produce(String topic, String key, String value) {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The first record on the topic with this key whose value matches, within 30 s. */
	ConsumerRecord<String, String> consume(String topic, String key, Predicate<JsonNode> matching) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
			consumer.subscribe(List.of(topic));
			long deadline = System.currentTimeMillis() + 30_000;
			while (System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key()) && matching.test(this.json.readTree(record.value()))) {
						return record;
					}
				}
			}
		}
		return fail("No record with key " + key + " on " + topic);
	}

	/**
	 * An answer of the service.
	 *
	 * @param status HTTP status
	 * @param headers response headers
	 * @param body the JSON body, null when empty
	 */
	record Response(int status, HttpHeaders headers, JsonNode body) {

		String text(String pointer) {
			return this.body.at(pointer).asString();
		}

	}

}
