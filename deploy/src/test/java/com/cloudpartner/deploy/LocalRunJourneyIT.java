package com.cloudpartner.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The walking skeleton end to end, the way a partner and its end user meet the product:
 * the real launcher starts PostgreSQL, a Kafka broker and the five service jars (on ports
 * beside the default ones), and every step goes through the gateway.
 */
class LocalRunJourneyIT {

	private static final JsonMapper json = GatewayClient.JSON;

	private static final String ACCOUNT = "demo-account";

	private static final String OFFER = "offers/server-basic-2vcpu-4gb-monthly";

	private static final String SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	private static LocalSuite suite;

	private static String gateway;

	private static GatewayClient client;

	@BeforeAll
	static void startTheSuite() throws Exception {
		suite = SharedSuite.get();
		gateway = suite.settings().gatewayUrl();
		client = new GatewayClient(gateway);
	}

	@Test
	void partnerJourneyFromTokenToTheEndUsersConsole() throws Exception {
		// 1. a partner token, signed RS256 with a kid the JWKS publishes
		String partnerToken = client.token("demo-partner", "demo-partner-secret");
		JsonNode header = json.readTree(Base64.getUrlDecoder().decode(partnerToken.split("\\.")[0]));
		assertThat(header.path("alg").asString()).isEqualTo("RS256");
		HttpResponse<String> jwks = client.send(client.get("/.well-known/jwks.json").build());
		assertThat(jwks.statusCode()).isEqualTo(200);
		assertThat(jwks.body()).contains(header.path("kid").asString());

		// 2. the gateway keeps strangers out
		HttpResponse<String> anonymous = client.send(client.get("/v1/accounts/" + ACCOUNT + "/customers").build());
		GatewayClient.assertProblem(anonymous, 401, "TOKEN_MISSING");
		String tampered = partnerToken.substring(0, partnerToken.length() - 4) + "AAAA";
		GatewayClient.assertProblem(client.send(client.get("/v1/accounts/" + ACCOUNT + "/customers", tampered).build()),
				401, "TOKEN_INVALID");
		GatewayClient.assertProblem(
				client.send(client.get("/v1/accounts/someone-else/customers", partnerToken).build()), 403,
				"ACCOUNT_FORBIDDEN");

		// 3. a customer
		String userId = "e2e_" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = client.send(client.post("/v1/accounts/" + ACCOUNT + "/customers", partnerToken,
				"{\"userId\":\"" + userId + "\",\"displayName\":\"E2E Kim\"}"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String customerId = json.readTree(created.body()).path("id").asString();

		// 4. an entitlement: an operation comes back, and entitlement.created reaches
		// Kafka
		String entitlementsPath = "/v1/accounts/" + ACCOUNT + "/customers/" + customerId + "/entitlements";
		String order = "{\"offer\":\"" + OFFER + "\",\"billingAccount\":\"accounts/" + ACCOUNT
				+ "/billingAccounts/demo-krw\"}";
		HttpResponse<String> operation = client.eventually("the entitlement is accepted",
				() -> client.send(client.post(entitlementsPath, partnerToken, order)), (r) -> r.statusCode() == 202);
		JsonNode op = json.readTree(operation.body());
		assertThat(op.path("name").asString()).startsWith("operations/");
		String entitlementName = op.path("response").path("name").asString();
		assertThat(entitlementName).startsWith("accounts/" + ACCOUNT + "/customers/" + customerId + "/entitlements/");
		HttpResponse<String> polled = client
			.send(client.get("/v1/" + op.path("name").asString(), partnerToken).build());
		assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
		assertThat(json.readTree(polled.body()).path("done").asBoolean()).isTrue();
		assertThat(recordsOn("entitlement-events", entitlementName))
			.anySatisfy((record) -> assertThat(record.value()).contains("\"type\":\"entitlement.created\""));

		// 5. usage over Kafka, rated month to date: 3 started hours at 45 KRW, 20 %
		// supply discount
		String operatorToken = client.token("local-operator", "local-operator-secret");
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		Instant firstHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
		if (!YearMonth.from(firstHour.atZone(seoul))
			.equals(YearMonth.from(firstHour.plusSeconds(3 * 3600 - 1).atZone(seoul)))) {
			firstHour = firstHour.minus(Duration.ofHours(4));
		}
		String month = YearMonth.from(firstHour.atZone(seoul)).toString();
		HttpResponse<String> ingested = client.send(
				client.post("/v1/usage-events", operatorToken, usageBatch(customerId, entitlementName, firstHour, 3)));
		assertThat(ingested.statusCode()).as(ingested.body()).isEqualTo(202);
		assertThat(json.readTree(ingested.body()).path("accepted").asInt()).isEqualTo(3);
		String customerName = "accounts/" + ACCOUNT + "/customers/" + customerId;
		HttpResponse<String> charges = client.eventually("the usage is rated", () -> client.send(
				client.get("/v1/accounts/" + ACCOUNT + "/billing/current-month?month=" + month, partnerToken).build()),
				(r) -> r.statusCode() == 200 && lineOf(r.body(), customerName) != null);
		JsonNode line = lineOf(charges.body(), customerName);
		assertThat(line.path("sku").asString()).isEqualTo(SKU);
		assertThat(line.path("quantity").asString()).isEqualTo("3");
		assertThat(line.path("costAtList").path("amount").asString()).isEqualTo("135");
		assertThat(line.path("cost").path("amount").asString()).isEqualTo("108");
		assertThat(line.path("customerCost").path("amount").asString()).isEqualTo("135");

		// 6. the end user's console, entered by the partner's form POST
		HttpResponse<String> minted = client.send(client
			.post("/v1/accounts/" + ACCOUNT + "/customers/" + customerId + "/console-tokens", partnerToken, "{}"));
		assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
		String consoleToken = json.readTree(minted.body()).path("token").asString();
		HttpResponse<String> entered = client.send(HttpRequest.newBuilder(URI.create(gateway + "/console"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Language", "en")
			.POST(HttpRequest.BodyPublishers
				.ofString("user_id=" + GatewayClient.enc(userId) + "&jwt=" + GatewayClient.enc(consoleToken)))
			.build());
		assertThat(entered.statusCode()).as(entered.body()).isEqualTo(303);
		String cookie = entered.headers().firstValue("Set-Cookie").orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		HttpResponse<String> home = client.send(HttpRequest.newBuilder(URI.create(gateway + "/console/home"))
			.header("Cookie", cookie.split(";")[0])
			.header("Accept-Language", "en")
			.build());
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(userId).contains(OFFER);
	}

	/**
	 * The month of a new offer, as an operator and a partner meet it: an offer published
	 * inside the month (a price that takes effect inside it) keeps month to date
	 * answering (it answered 500 for every partner once), usage from before the offer's
	 * price is refused with a stable code instead of being acknowledged and never
	 * charged, and usage of the hour the price takes effect in is accepted (once the
	 * offer reached billing) and charged.
	 */
	@Test
	void anOfferPublishedInsideTheMonthChargesItsUsageAndRefusesUsageFromBeforeIt() throws Exception {
		String operatorToken = client.token("local-operator", "local-operator-secret");
		String partnerToken = client.token("demo-partner", "demo-partner-secret");
		String id = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(
				client
					.send(client.post("/v1/products", operatorToken,
							"{\"id\":\"" + id + "\",\"displayName\":\"E2E product\",\"family\":\"IAAS\"}"))
					.statusCode())
			.isEqualTo(201);
		assertThat(
				client.send(client.post("/v1/products/" + id + "/skus", operatorToken,
						"{\"id\":\"std\",\"displayName\":\"E2E SKU\","
								+ "\"meters\":[{\"meter\":\"vm-hours\",\"unit\":\"HOUR\"}]}"))
					.statusCode())
			.isEqualTo(201);
		String sku = "products/" + id + "/skus/std";
		HttpResponse<String> offer = client.send(client.post("/v1/offers", operatorToken, "{\"id\":\"" + id
				+ "\",\"sku\":\"" + sku
				+ "\",\"displayName\":\"E2E offer\",\"plan\":{\"paymentPlan\":\"FLEXIBLE\",\"paymentCycle\":"
				+ "{\"duration\":1,\"periodType\":\"MONTH\"}},\"prices\":[{\"meter\":\"vm-hours\",\"unit\":\"HOUR\","
				+ "\"listPrice\":{\"currencyCode\":\"KRW\",\"amount\":\"50\"}}],"
				+ "\"monthlyPrice\":{\"currencyCode\":\"KRW\",\"amount\":\"33000\"}}"));
		assertThat(offer.statusCode()).as(offer.body()).isEqualTo(201);

		// the hour the price took effect in is priced; the hour before has no price
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
		String month = YearMonth.from(hour.atZone(seoul)).toString();
		// of a server of a customer's pay-as-you-go entitlement: usage names an
		// entitlement of its account and customer
		HttpResponse<String> customer = client.send(client.post("/v1/accounts/" + ACCOUNT + "/customers", partnerToken,
				"{\"userId\":\"" + id.replace('-', '_') + "\",\"displayName\":\"E2E offer customer\"}"));
		assertThat(customer.statusCode()).as(customer.body()).isEqualTo(201);
		String customerId = json.readTree(customer.body()).path("id").asString();
		String entitlementId = Onboarding.iaasEntitlement(client, partnerToken, ACCOUNT, customerId);
		String thisHour = usageOf(id + "-now", customerId, entitlementId, sku, hour);
		String hourBefore = usageOf(id + "-before", customerId, entitlementId, sku, hour.minus(Duration.ofHours(1)));
		HttpResponse<String> accepted = client.eventually(
				"usage of the new offer is accepted once billing has its price",
				() -> client.send(client.post("/v1/usage-events", operatorToken, "[" + thisHour + "]")),
				(r) -> r.statusCode() == 202 && json.readTree(r.body()).path("accepted").asInt() == 1);
		assertThat(json.readTree(accepted.body()).path("rejected")).isEmpty();
		HttpResponse<String> refused = client
			.send(client.post("/v1/usage-events", operatorToken, "[" + hourBefore + "]"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(202);
		JsonNode refusal = json.readTree(refused.body());
		assertThat(refusal.path("accepted").asInt()).isZero();
		assertThat(refusal.at("/rejected/0/id").asString()).isEqualTo(id + "-before");
		assertThat(refusal.at("/rejected/0/reason").asString()).startsWith("NO_PRICE_IN_EFFECT: ");

		String customerName = "accounts/" + ACCOUNT + "/customers/" + customerId;
		HttpResponse<String> charges = client
			.eventually("month to date answers and charges the new offer's hour",
					() -> client.send(client
						.get("/v1/accounts/" + ACCOUNT + "/billing/current-month?month=" + month, partnerToken)
						.build()),
					(r) -> r.statusCode() == 200 && lineOf(r.body(), customerName, sku) != null);
		JsonNode line = lineOf(charges.body(), customerName, sku);
		assertThat(line.path("quantity").asString()).isEqualTo("1");
		assertThat(line.path("costAtList").path("amount").asString()).isEqualTo("50");
		assertThat(line.path("cost").path("amount").asString()).isEqualTo("40");
	}

	@Test
	void swaggerUiListsTheServicesDocuments() throws Exception {
		HttpResponse<String> ui = client.send(client.get("/swagger-ui.html").build());
		assertThat(ui.statusCode()).isIn(200, 302);
		for (String service : List.of("partner", "entitlement", "billing", "console")) {
			HttpResponse<String> doc = client.eventually(service + " api-docs",
					() -> client.send(client.get("/v3/api-docs/" + service).build()), (r) -> r.statusCode() == 200);
			assertThat(json.readTree(doc.body()).path("openapi").asString()).startsWith("3.");
		}
	}

	private static String usageBatch(String customerId, String entitlementName, Instant firstHour, int hours) {
		List<String> events = new ArrayList<>();
		String subject = "accounts/" + ACCOUNT + "/customers/" + customerId + "/servers/e2e-server";
		String entitlementId = entitlementName.substring(entitlementName.lastIndexOf('/') + 1);
		for (int i = 0; i < hours; i++) {
			Instant start = firstHour.plus(Duration.ofHours(i));
			events.add("""
					{"specversion":"1.0","id":"%s","source":"//metering.e2e","type":"usage.recorded","subject":"%s",
					 "time":"%s","datacontenttype":"application/json",
					 "data":{"accountId":"%s","customerId":"%s","entitlementId":"%s","sku":"%s","meter":"vm-hours",
					 "unit":"HOUR","quantity":"1","windowStart":"%s","windowEnd":"%s"}}""".formatted(UUID.randomUUID(),
					subject, start.plus(Duration.ofHours(1)), ACCOUNT, customerId, entitlementId, SKU, start,
					start.plus(Duration.ofHours(1))));
		}
		return "[" + String.join(",", events) + "]";
	}

	private static JsonNode lineOf(String body, String customerName) {
		return lineOf(body, customerName, null);
	}

	private static JsonNode lineOf(String body, String customerName, String sku) {
		for (JsonNode line : json.readTree(body).path("lines")) {
			if (customerName.equals(line.path("customer").asString())
					&& (sku == null || sku.equals(line.path("sku").asString()))) {
				return line;
			}
		}
		return null;
	}

	/** One hour of a server of the demo partner's customer, of its entitlement. */
	private static String usageOf(String id, String customerId, String entitlementId, String sku, Instant hour) {
		return """
				{"specversion":"1.0","id":"%s","source":"//metering.e2e","type":"usage.recorded",
				 "subject":"accounts/%s/customers/%s/servers/%s","datacontenttype":"application/json",
				 "data":{"accountId":"%s","customerId":"%s","entitlementId":"%s","sku":"%s","meter":"vm-hours",
				 "unit":"HOUR","quantity":"1","windowStart":"%s","windowEnd":"%s"}}""".formatted(id, ACCOUNT,
				customerId, id, ACCOUNT, customerId, entitlementId, sku, hour, hour.plus(Duration.ofHours(1)));
	}

	private static List<ConsumerRecord<String, String>> recordsOn(String topic, String key) throws Exception {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + suite.settings().kafkaPort());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant deadline = Instant.now().plusSeconds(30);
			while (found.isEmpty() && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (key.equals(record.key())) {
						found.add(record);
					}
				});
			}
		}
		return found;
	}

}
