package com.cloudpartner.partner;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CustomerIT extends PartnerServiceITSupport {

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void createsGetsListsPatchesAndDeletesACustomer() {
		String account = newAccount();
		String token = partnerToken(account);
		String path = "/v1/accounts/" + account + "/customers";
		Response created = post(path, token, Map.of("userId", "alice01", "displayName", "Alice Kim", "email",
				"alice@example.com", "correlationId", "crm-1001"));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String id = created.text("id");
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(created.text("name")).isEqualTo("accounts/" + account + "/customers/" + id);
		assertThat(created.text("userId")).isEqualTo("alice01");
		assertThat(created.text("createTime")).endsWith("Z");
		assertThat(created.header("Location")).endsWith("/v1/accounts/" + account + "/customers/" + id);

		Response fetched = get(path + "/" + id, token);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.body()).isEqualTo(created.body());

		post(path, token, Map.of("userId", "bob_02", "displayName", "Bob"));
		post(path, token, Map.of("userId", "carol03", "displayName", "Carol"));
		Response first = get(path + "?pageSize=2", token);
		assertThat(first.body().get("customers").size()).isEqualTo(2);
		assertThat(first.text("nextPageToken")).isNotBlank();
		Response second = get(path + "?pageSize=2&pageToken=" + first.text("nextPageToken"), token);
		assertThat(second.body().get("customers").size()).isEqualTo(1);
		assertThat(second.text("nextPageToken")).isNull();
		assertThat(second.body().get("customers").get(0).get("userId").asString()).isEqualTo("carol03");
		assertThat(get(path + "?pageSize=501", token).status()).isEqualTo(400);

		Response patched = patch(path + "/" + id, token, Map.of("displayName", "Alice Park", "email", ""));
		assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
		assertThat(patched.text("displayName")).isEqualTo("Alice Park");
		assertThat(patched.text("email")).isNull();
		assertThat(patched.text("correlationId")).isEqualTo("crm-1001");

		assertThat(delete(path + "/" + id, token).status()).isEqualTo(204);
		Response gone = get(path + "/" + id, token);
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.text("code")).isEqualTo("CUSTOMER_NOT_FOUND");
		assertThat(get(path + "/not-a-uuid", token).text("code")).isEqualTo("CUSTOMER_NOT_FOUND");
	}

	@Test
	void refusesADuplicateAndAnInvalidUserId() {
		String account = newAccount();
		String token = partnerToken(account);
		String path = "/v1/accounts/" + account + "/customers";
		assertThat(post(path, token, Map.of("userId", "dave04", "displayName", "Dave")).status()).isEqualTo(201);
		Response duplicate = post(path, token, Map.of("userId", "DAVE04", "displayName", "Dave again"));
		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.text("code")).isEqualTo("CUSTOMER_EXISTS");

		Response reserved = post(path, token, Map.of("userId", "admin", "displayName", ""));
		assertThat(reserved.status()).isEqualTo(400);
		assertThat(reserved.header("Content-Type")).startsWith("application/problem+json");
		assertThat(reserved.text("code")).isEqualTo("VALIDATION_FAILED");
		assertThat(reserved.body()
			.get("errors")
			.valueStream()
			.map((e) -> e.get("field").asString() + " " + e.get("message").asString())).contains("userId is reserved")
			.anyMatch((e) -> e.startsWith("displayName"));
		Response malformed = post(path, token, Map.of("userId", "a-b", "displayName", "X"));
		assertThat(malformed.body().get("errors").get(0).get("field").asString()).isEqualTo("userId");
	}

	@Test
	void refusesAnotherAccountsToken() {
		String account = newAccount();
		String other = partnerToken(newAccount());
		Response response = post("/v1/accounts/" + account + "/customers", other,
				Map.of("userId", "erin05", "displayName", "Erin"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.text("code")).isEqualTo("ACCOUNT_FORBIDDEN");
		assertThat(get("/v1/accounts/" + account + "/customers", other).status()).isEqualTo(403);
	}

	@Test
	void publishesCustomerCreatedOnPartnerEvents() {
		String account = newAccount();
		Response created = post("/v1/accounts/" + account + "/customers", partnerToken(account),
				Map.of("userId", "frank06", "displayName", "Frank", "correlationId", "crm-6"));
		String name = created.text("name");
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("partner-events"));
			ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
				.until(() -> find(consumer, name), (r) -> r != null);
			assertThat(record.key()).isEqualTo("accounts/" + account);
			assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
				.isEqualTo("application/cloudevents+json");
			JsonNode event = this.json.readTree(record.value());
			assertThat(event.get("type").asString()).isEqualTo("customer.created");
			assertThat(event.get("source").asString()).isEqualTo("/partner-service");
			assertThat(event.get("data").get("userId").asString()).isEqualTo("frank06");
			assertThat(event.get("data").get("correlationId").asString()).isEqualTo("crm-6");
		}
	}

	private ConsumerRecord<String, String> find(KafkaConsumer<String, String> consumer, String subject) {
		for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
			if (record.value().contains("\"subject\":\"" + subject + "\"")
					&& record.value().contains("\"type\":\"customer.created\"")) {
				return record;
			}
		}
		return null;
	}

	@Test
	void refusesDeletionWhileAnEntitlementIsActive() throws Exception {
		String account = newAccount();
		String token = partnerToken(account);
		Response created = post("/v1/accounts/" + account + "/customers", token,
				Map.of("userId", "grace07", "displayName", "Grace"));
		String customer = created.text("id");
		String entitlement = UUID.randomUUID().toString();
		send(entitlementEvent("entitlement.created", account, customer, entitlement, "ACTIVE", Instant.now()));

		String path = "/v1/accounts/" + account + "/customers/" + customer;
		await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(projected(customer)));
		Response refused = delete(path, token);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.text("code")).isEqualTo("RESOURCES_STILL_ACTIVE");

		send(entitlementEvent("entitlement.cancelled", account, customer, entitlement, "CANCELLED",
				Instant.now().plusSeconds(1)));
		await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(projected(customer)));
		assertThat(delete(path, token).status()).isEqualTo(204);
	}

	@Test
	void aTransferEndsTheOldPartnersEntitlementSoItsCustomerMayBeDeleted() throws Exception {
		String oldAccount = newAccount();
		String newAccount = newAccount();
		String token = partnerToken(oldAccount);
		String customer = post("/v1/accounts/" + oldAccount + "/customers", token,
				Map.of("userId", "moving01", "displayName", "Moving"))
			.text("id");
		String entitlement = UUID.randomUUID().toString();
		send(entitlementEvent("entitlement.created", oldAccount, customer, entitlement, "ACTIVE", Instant.now()));
		await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(projected(customer)));

		String newCustomer = UUID.randomUUID().toString();
		String newEntitlement = UUID.randomUUID().toString();
		String name = "accounts/" + newAccount + "/customers/" + newCustomer + "/entitlements/" + newEntitlement;
		send(this.json.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source",
				"/entitlement-service", "type", "entitlement.transferred", "subject", name, "time",
				Instant.now().plusSeconds(1).toString(), "data",
				Map.of("name", name, "accountId", newAccount, "customerId", newCustomer, "entitlementId",
						newEntitlement, "state", "ACTIVE", "fromAccountId", oldAccount, "fromCustomerId", customer,
						"fromEntitlement",
						"accounts/" + oldAccount + "/customers/" + customer + "/entitlements/" + entitlement))));
		await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(projected(customer)));
		assertThat(projected(newCustomer)).isEqualTo("ACTIVE");
		assertThat(delete("/v1/accounts/" + oldAccount + "/customers/" + customer, token).status()).isEqualTo(204);
	}

	private String projected(String customer) {
		return this.jdbc.sql("select state from customer_entitlement where customer_id = :customer")
			.param("customer", customer)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void send(String event) throws Exception {
		JsonNode node = this.json.readTree(event);
		this.kafka.send("entitlement-events", node.get("subject").asString(), event).get();
	}

	private String entitlementEvent(String type, String account, String customer, String entitlement, String state,
			Instant time) {
		String name = "accounts/" + account + "/customers/" + customer + "/entitlements/" + entitlement;
		return this.json.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "source",
				"/entitlement-service", "type", type, "subject", name, "time", time.toString(), "datacontenttype",
				"application/json", "data", Map.of("name", name, "accountId", account, "customerId", customer,
						"entitlementId", entitlement, "state", state)));
	}

	@Test
	void replaysAnIdempotentCreateAndRefusesTheKeyForAnotherBody() {
		String account = newAccount();
		String token = partnerToken(account);
		String path = "/v1/accounts/" + account + "/customers";
		Map<String, String> key = Map.of("Idempotency-Key", "create-heidi-1");
		Map<String, String> body = Map.of("userId", "heidi08", "displayName", "Heidi");
		Response first = send("POST", path, token, body, key);
		Response again = send("POST", path, token, body, key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(get(path, token).body().get("customers").size()).isEqualTo(1);

		Response reused = send("POST", path, token, Map.of("userId", "ivan09", "displayName", "Ivan"), key);
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.text("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void issuesAConsoleTokenForTheCustomer() {
		String account = newAccount();
		String token = partnerToken(account);
		Response created = post("/v1/accounts/" + account + "/customers", token,
				Map.of("userId", "judy10", "displayName", "Judy"));
		String customer = created.text("id");
		Response issued = post("/v1/accounts/" + account + "/customers/" + customer + "/console-tokens", token, null);
		assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
		assertThat(issued.body().get("expiresIn").asInt()).isEqualTo(300);
		assertThat(issued.text("consoleUrl")).isEqualTo("http://localhost:8080/console");
		String[] parts = issued.text("token").split("\\.");
		JsonNode claims = this.json
			.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
		assertThat(claims.get("aud").toString()).contains("console");
		assertThat(claims.get("scope").asString()).isEqualTo("console");
		assertThat(claims.get("acct").asString()).isEqualTo(account);
		assertThat(claims.get("cust").asString()).isEqualTo(customer);
		assertThat(claims.get("sub").asString()).isEqualTo(customer);
		assertThat(claims.get("uid").asString()).isEqualTo("judy10");
		// a console token opens the console; it does not mint more of itself
		Response refused = post("/v1/accounts/" + account + "/customers/" + customer + "/console-tokens",
				issued.text("token"), null);
		assertThat(refused.status()).isEqualTo(403);
	}

}
