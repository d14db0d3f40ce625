package com.cloudpartner.entitlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Date;
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
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.IntegrationTest;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
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
@Import(TimeTravelClock.Configuration.class)
abstract class IntegrationTestSupport {

	@Autowired
	TimeTravelClock clock;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@DynamicPropertySource
	static void partnerService(DynamicPropertyRegistry registry) {
		registry.add("platform.services.partner", PartnerServiceStub::url);
		registry.add("platform.entitlements.suspend-on-overdue", () -> "true");
	}

	/** A partner token valid at the (moved) service clock's time. */
	String partnerAt(String accountId) {
		Instant at = this.clock.instant();
		return TestTokens.builder("client-" + accountId, "partner-api", "partner", Duration.ofMinutes(15))
			.claim("acct", accountId)
			.notBefore(Date.from(at.minusSeconds(60)))
			.issuedAt(Date.from(at.minusSeconds(60)))
			.expiration(Date.from(at.plus(Duration.ofMinutes(15))))
			.compact();
	}

	/**
	 * Publishes partner.approved (with a KRW and a USD billing account) and
	 * customer.created as partner-service would, and waits until the projection has them.
	 */
	void approvePartner(String accountId, String publicId, String... customerIds) throws Exception {
		ObjectNode approved = example("partner.approved");
		approved.put("id", UUID.randomUUID().toString());
		ObjectNode data = (ObjectNode) approved.get("data");
		data.put("accountId", accountId).put("publicId", publicId);
		ObjectNode krw = (ObjectNode) data.get("billingAccounts").get(0);
		krw.put("name", "accounts/" + accountId + "/billingAccounts/demo-krw");
		ObjectNode usd = krw.deepCopy();
		usd.put("name", "accounts/" + accountId + "/billingAccounts/usd")
			.put("id", "usd")
			.put("currencyCode", "USD")
			.put("regionCode", "US");
		data.withArray("billingAccounts").add(usd);
		produce("partner-events", "accounts/" + accountId, approved.toString());
		for (String customerId : customerIds) {
			ObjectNode created = example("customer.created");
			created.put("id", UUID.randomUUID().toString());
			((ObjectNode) created.get("data")).put("accountId", accountId)
				.put("customerId", customerId)
				.put("userId", "user-" + customerId);
			produce("partner-events", "accounts/" + accountId, created.toString());
		}
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			Response list = get("/v1/accounts/" + accountId + "/billing-accounts", TestTokens.partner(accountId));
			return list.status() == 200 && list.body().get("billingAccounts").size() == 2;
		});
		// the customers are in the projection once their paths answer (decision 0057)
		for (String customerId : customerIds) {
			org.awaitility.Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> get("/v1/accounts/" + accountId + "/customers/" + customerId + "/entitlements",
						TestTokens.partner(accountId))
					.status() == 200);
		}
	}

	ObjectNode example(String type) throws Exception {
		return (ObjectNode) this.json.readTree(Files.readString(Path.of("../docs/events/" + type + ".json")));
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
	 * A GB-month's share of one hour of its month in the billing zone (API.md "Rating
	 * rules"): the hourly GB quantity of something that holds {@code gb} all hour.
	 */
	static BigDecimal monthShare(BigDecimal gb, Instant hour) {
		ZoneId zone = ZoneId.of("Asia/Seoul");
		YearMonth month = YearMonth.from(hour.atZone(zone));
		Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
		long n = Duration.between(start, month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()).toHours();
		long i = Duration.between(start, hour).toHours();
		return gb.multiply(BigDecimal.valueOf(i + 1))
			.divide(BigDecimal.valueOf(n), 9, RoundingMode.HALF_EVEN)
			.subtract(gb.multiply(BigDecimal.valueOf(i)).divide(BigDecimal.valueOf(n), 9, RoundingMode.HALF_EVEN));
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
