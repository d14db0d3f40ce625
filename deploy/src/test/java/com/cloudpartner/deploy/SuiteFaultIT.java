package com.cloudpartner.deploy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fault suite (issue 14): the local run's real processes (PostgreSQL, the Kafka
 * broker, the five service JVMs) on ports of their own, and faults done to them the way
 * they happen in production: a JVM killed with SIGKILL, a JVM that hangs (SIGSTOP), the
 * broker stopped for 30 s, PostgreSQL stopped and started again. Each test restores what
 * it broke, and checks from outside (HTTP through the gateway, the topics, the billing
 * database) that nothing a client was told is kept got lost or counted twice, and that
 * every refusal while a part was away was a quick problem+json.
 * docs/guides/reliability.md says what each test does and what it found.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteFaultIT {

	private static final String ACCOUNT = "demo-account";

	private static final String OFFER = "offers/server-basic-2vcpu-4gb-monthly";

	private static final String SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	/** The demo offer's list price of a server hour (KRW). */
	private static final BigDecimal HOURLY = new BigDecimal("45");

	/** The demo partner's supply discount. */
	private static final BigDecimal SUPPLY_SHARE = new BigDecimal("0.80");

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static final Pattern BREAKER_STATE = Pattern
		.compile("resilience4j_circuitbreaker_state\\{[^}]*name=\"([^\"]+)\"[^}]*state=\"([a-z_]+)\"[^}]*} 1\\.0");

	private static LocalSuite suite;

	private static GatewayClient client;

	private static String operator;

	private static String partner;

	@BeforeAll
	static void startTheSuite() throws Exception {
		Path root = Path.of("").toAbsolutePath().getParent();
		Path data = Path.of("target", "fault-data").toAbsolutePath();
		SharedSuite.deleteRecursively(data);
		LocalRunSettings settings = LocalRunSettings
			.fromEnvironment(Map.of("PLATFORM_HOME", root.toString(), "PLATFORM_DATA_DIR", data.toString(),
					"PLATFORM_GATEWAY_PORT", "28080", "PLATFORM_FIRST_SERVICE_PORT", "28081", "PLATFORM_KAFKA_PORT",
					"29092", "PLATFORM_POSTGRES_PORT", "35432", "PLATFORM_SMTP_PORT", "23025"));
		suite = new LocalSuite(settings);
		try {
			suite.start();
		}
		catch (Exception ex) {
			suite.close();
			throw ex;
		}
		client = new GatewayClient(settings.gatewayUrl());
		operator = client.token("local-operator", "local-operator-secret");
		partner = client.token("demo-partner", "demo-partner-secret");
	}

	@AfterAll
	static void stopTheSuite() {
		if (suite != null) {
			suite.close();
		}
	}

	/**
	 * billing-service killed with SIGKILL while a generated month of server hours is
	 * being sent, 10 % of the events sent twice and every batch the client got no answer
	 * to sent again: the rated month to date is exactly the history's, computed here from
	 * the events themselves.
	 */
	@Test
	@Order(1)
	void billingKilledWhileUsageIsIngestedChargesEveryHourExactlyOnce() throws Exception {
		Entitled entitled = newEntitlement("kill");
		Random random = new Random(20261206);
		Instant lastHour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
		List<String> events = new ArrayList<>();
		Map<YearMonth, Set<String>> billableHours = new TreeMap<>();
		awaitBillable(entitled, lastHour);
		billableHours.computeIfAbsent(YearMonth.from(lastHour.atZone(SEOUL)), (m) -> new HashSet<>())
			.add("servers/warm@" + lastHour);
		for (int server = 0; server < 40; server++) {
			for (int h = 0; h < 96; h++) {
				Instant hour = lastHour.minus(Duration.ofHours(h));
				String resource = "servers/kill-" + server;
				events.add(usage(UUID.randomUUID().toString(), entitled, resource, hour));
				billableHours.computeIfAbsent(YearMonth.from(hour.atZone(SEOUL)), (m) -> new HashSet<>())
					.add(resource + "@" + hour);
			}
		}
		List<String> sent = new ArrayList<>(events);
		for (int i = 0; i < events.size(); i += 10) {
			sent.add(events.get(i));
		}
		Collections.shuffle(sent, random);
		List<List<String>> batches = new ArrayList<>();
		for (int i = 0; i < sent.size(); i += 200) {
			batches.add(sent.subList(i, Math.min(sent.size(), i + 200)));
		}

		CompletableFuture<Void> restarted = null;
		int answered = 0;
		for (int b = 0; b < batches.size(); b++) {
			List<String> batch = batches.get(b);
			HttpResponse<String> accepted = sendUntilAccepted("[" + String.join(",", batch) + "]");
			JsonNode outcome = GatewayClient.JSON.readTree(accepted.body());
			assertThat(outcome.path("rejected")).as(accepted.body()).isEmpty();
			assertThat(outcome.path("accepted").asInt() + outcome.path("duplicates").asInt()).isEqualTo(batch.size());
			answered++;
			if (b == 7) {
				// the consumer is storing what was acknowledged a moment ago
				suite.kill("billing-service");
				restarted = CompletableFuture.runAsync(() -> {
					try {
						suite.restart("billing-service");
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				});
			}
		}
		assertThat(answered).isEqualTo(batches.size());
		assertThat(restarted).isNotNull();
		restarted.get(300, TimeUnit.SECONDS);

		for (Map.Entry<YearMonth, Set<String>> month : billableHours.entrySet()) {
			BigDecimal hours = BigDecimal.valueOf(month.getValue().size());
			String expected = hours + " h, " + hours.multiply(HOURLY).stripTrailingZeros().toPlainString() + " KRW";
			awaitRated(month.getKey(), entitled, expected);
		}
		// and it stays so: no copy of an event is counted late
		Thread.sleep(3000);
		for (Map.Entry<YearMonth, Set<String>> month : billableHours.entrySet()) {
			BigDecimal hours = BigDecimal.valueOf(month.getValue().size());
			assertThat(rated(month.getKey(), entitled))
				.isEqualTo(hours + " h, " + hours.multiply(HOURLY).stripTrailingZeros().toPlainString() + " KRW");
		}
	}

	/**
	 * The Kafka broker stopped for 30 s while partners work: usage (which is acknowledged
	 * only once Kafka has it) is answered 503 quickly, and after two slow refusals at
	 * once; customers and entitlements are still created (their events wait in the
	 * outboxes) and reads still answer; after the broker is back, the refused batch
	 * retried is charged once and the entitlement created meanwhile reaches billing.
	 */
	@Test
	@Order(2)
	void kafkaStoppedForThirtySecondsLosesNothingAndAnswersUsageQuickly() throws Exception {
		Entitled before = newEntitlement("kafka-before");
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
		YearMonth month = YearMonth.from(hour.atZone(SEOUL));
		List<String> events = new ArrayList<>();
		for (int server = 0; server < 5; server++) {
			events.add(usage(UUID.randomUUID().toString(), before, "servers/kafka-" + server, hour));
		}
		String batch = "[" + String.join(",", events) + "]";
		awaitBillable(before, hour);

		suite.stopKafka();
		Instant stopped = Instant.now();
		Entitled during;
		try {
			List<Long> millis = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> refused = client.send(client.post("/v1/usage-events", operator, batch));
				millis.add((System.nanoTime() - t0) / 1_000_000);
				GatewayClient.assertProblem(refused, 503, "USAGE_NOT_DURABLE");
				assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			}
			assertThat(millis).as("usage refused while Kafka is away, ms").allMatch((ms) -> ms < 8000);
			assertThat(millis.subList(2, millis.size())).as("once Kafka failed twice, ms").allMatch((ms) -> ms < 1500);

			// writes kept in an outbox go on; reads go on
			during = newEntitlement("kafka-during");
			HttpResponse<String> charges = client
				.send(client.get("/v1/accounts/" + ACCOUNT + "/billing/current-month?month=" + month, partner).build());
			assertThat(charges.statusCode()).as(charges.body()).isEqualTo(200);
			long left = Duration.ofSeconds(30).minus(Duration.between(stopped, Instant.now())).toMillis();
			if (left > 0) {
				Thread.sleep(left);
			}
		}
		finally {
			suite.startKafka();
		}

		HttpResponse<String> retried = client.eventually("the refused batch is accepted when Kafka is back",
				() -> client.send(client.post("/v1/usage-events", operator, batch)), (r) -> r.statusCode() == 202);
		assertThat(GatewayClient.JSON.readTree(retried.body()).path("accepted").asInt()).isEqualTo(5);
		String duringEvent = usage(UUID.randomUUID().toString(), during, "servers/kafka-during", hour);
		client.eventually("usage of the entitlement created while Kafka was away is accepted",
				() -> client.send(client.post("/v1/usage-events", operator, "[" + duringEvent + "]")),
				(r) -> r.statusCode() == 202 && GatewayClient.JSON.readTree(r.body()).path("accepted").asInt() == 1);
		awaitRated(month, before, "6 h, 270 KRW");
		awaitRated(month, during, "1 h, 45 KRW");
	}

	/**
	 * PostgreSQL stopped and started again: every service answers 503 problem+json within
	 * a few seconds (not after a 30 s pool wait, not a 500), usage already in Kafka waits
	 * in the topic instead of being dead-lettered, and everything answers again without a
	 * restart once the database is back.
	 */
	@Test
	@Order(3)
	void postgresStoppedAndStartedAgainAnswers503QuicklyAndRecoversWithoutARestart() throws Exception {
		Entitled entitled = newEntitlement("pg");
		Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
		YearMonth month = YearMonth.from(hour.atZone(SEOUL));
		List<String> reads = List.of("/v1/accounts/" + ACCOUNT + "/customers",
				"/v1/accounts/" + ACCOUNT + "/customers/" + entitled.customerId() + "/entitlements",
				"/v1/accounts/" + ACCOUNT + "/billing/current-month?month=" + month);
		List<String> ids = new ArrayList<>();
		List<Long> pids = suite.pids();
		awaitBillable(entitled, hour);

		suite.stopPostgres();
		try {
			for (String path : reads) {
				long t0 = System.nanoTime();
				HttpResponse<String> answer = client.send(client.get(path, partner).build());
				long ms = (System.nanoTime() - t0) / 1_000_000;
				GatewayClient.assertProblem(answer, 503, "SERVICE_UNAVAILABLE");
				assertThat(answer.headers().firstValue("Retry-After")).isPresent();
				assertThat(ms).as(path + " answered in ms").isLessThan(6000);
			}
			long t0 = System.nanoTime();
			HttpResponse<String> write = client.send(client.post("/v1/accounts/" + ACCOUNT + "/customers", partner,
					"{\"userId\":\"pg_down\",\"displayName\":\"Not stored\"}"));
			GatewayClient.assertProblem(write, 503, "SERVICE_UNAVAILABLE");
			assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(6000);
			String down = usage(UUID.randomUUID().toString(), entitled, "servers/pg-refused", hour);
			GatewayClient.assertProblem(client.send(client.post("/v1/usage-events", operator, "[" + down + "]")), 503,
					"SERVICE_UNAVAILABLE");

			// usage acknowledged just before the database went away is in the topic:
			// billing's consumer meets the outage and must keep it, not dead-letter it
			try (KafkaProducer<String, String> producer = producer()) {
				for (int server = 0; server < 3; server++) {
					String id = UUID.randomUUID().toString();
					ids.add(id);
					String subject = "accounts/" + ACCOUNT + "/customers/" + entitled.customerId() + "/servers/pg-"
							+ server;
					producer
						.send(new ProducerRecord<>("usage-events", subject,
								usage(id, entitled, "servers/pg-" + server, hour)))
						.get(30, TimeUnit.SECONDS);
				}
			}
			// longer than the consumers' retries of a failed record (3 s) before the
			// database returns
			Thread.sleep(10_000);
		}
		finally {
			suite.startPostgres();
		}
		for (String path : reads) {
			client.eventually(path + " answers again", () -> client.send(client.get(path, partner).build()),
					(r) -> r.statusCode() == 200);
		}
		awaitRated(month, entitled, "4 h, 180 KRW");
		assertThat(suite.pids()).as("no service was restarted").containsAll(pids.subList(0, 5));
		assertThat(deadLetters("usage-events.DLT")).as("usage dead-lettered during the outage")
			.noneMatch((value) -> ids.stream().anyMatch(value::contains));
	}

	/**
	 * A service down behind the gateway: killed, its calls answer 503 problem+json at
	 * once; hung (SIGSTOP), they answer 504 within the route's 10 s timeout; either way
	 * the service's circuit breaker opens (then calls answer 503 at once) and closes
	 * again when the service is back; the other services are not affected.
	 */
	@Test
	@Order(4)
	void aServiceDownBehindTheGatewayOpensItsBreakerAndItClosesAgain() throws Exception {
		Entitled entitled = newEntitlement("breaker");
		String path = "/v1/accounts/" + ACCOUNT + "/customers/" + entitled.customerId() + "/entitlements";
		assertThat(client.send(client.get(path, partner).build()).statusCode()).isEqualTo(200);

		suite.kill("entitlement-service");
		try {
			for (int i = 0; i < 25; i++) {
				long t0 = System.nanoTime();
				HttpResponse<String> down = client.send(client.get(path, partner).build());
				GatewayClient.assertProblem(down, 503, "SERVICE_UNAVAILABLE");
				assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(3000);
			}
			assertThat(breakerState("entitlement-service")).isEqualTo("open");
			assertThat(client.send(client.get("/v1/accounts/" + ACCOUNT + "/customers", partner).build()).statusCode())
				.as("partner-service behind the same gateway")
				.isEqualTo(200);
		}
		finally {
			suite.restart("entitlement-service");
		}
		awaitBreakerClosed(path);

		suite.freeze("entitlement-service", true);
		try {
			List<CompletableFuture<long[]>> calls = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				calls.add(CompletableFuture.supplyAsync(() -> {
					long t0 = System.nanoTime();
					try {
						HttpResponse<String> hung = client.send(client.get(path, partner).build());
						String code = GatewayClient.JSON.readTree(hung.body()).path("code").asString();
						return new long[] { hung.statusCode(), (System.nanoTime() - t0) / 1_000_000,
								code.equals("UPSTREAM_TIMEOUT") || code.equals("SERVICE_UNAVAILABLE") ? 1 : 0 };
					}
					catch (IOException ex) {
						return new long[] { -1, (System.nanoTime() - t0) / 1_000_000, 0 };
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return new long[] { -1, 0, 0 };
					}
				}));
			}
			for (CompletableFuture<long[]> call : calls) {
				long[] result = call.get(60, TimeUnit.SECONDS);
				assertThat(result[0]).as("status").isIn(503L, 504L);
				assertThat(result[1]).as("answered in ms").isLessThan(13_000);
				assertThat(result[2]).as("problem code").isEqualTo(1L);
			}
			assertThat(breakerState("entitlement-service")).isEqualTo("open");
			long t0 = System.nanoTime();
			GatewayClient.assertProblem(client.send(client.get(path, partner).build()), 503, "SERVICE_UNAVAILABLE");
			assertThat((System.nanoTime() - t0) / 1_000_000).as("an open breaker answers at once").isLessThan(1000);
		}
		finally {
			suite.freeze("entitlement-service", false);
		}
		awaitBreakerClosed(path);
	}

	/**
	 * A billing run over 20,000 accounts killed with SIGKILL mid-way, billing started
	 * again (it resumes the run) and the month run once more: every account has exactly
	 * one invoice, whose lines hold exactly the account's usage and whose subtotal is the
	 * rating rules' figure computed here.
	 */
	@Test
	@Order(5)
	void aBillingRunKilledMidwayAndRunAgainInvoicesEveryAccountExactlyOnce() throws Exception {
		int accounts = 20_000;
		String prefix = "fault-" + UUID.randomUUID().toString().substring(0, 6) + "-";
		String month = "2025-06";
		String[] db = suite.database("billing_service");
		try (Connection connection = DriverManager.getConnection(db[0], db[1], db[2]);
				Statement sql = connection.createStatement()) {
			sql.execute("""
					insert into price_book_entry (offer, meter, effective_from, sku, unit, list_price, currency_code,
					    monthly_price)
					values ('offers/fault', 'vm-hours', '2020-01-01T00:00:00Z', 'products/fault/skus/vm', 'HOUR', 45,
					    'KRW', 30000)
					on conflict do nothing""");
			sql.execute("insert into billing_account_contract (account_id, supply_discount_percent, currency_code) "
					+ "select '" + prefix + "' || a, 20, 'KRW' from generate_series(1, " + accounts + ") a");
			sql.execute("insert into contract_version (account_id, effective_from, supply_discount_percent, "
					+ "currency_code) select '" + prefix + "' || a, 'epoch', 20, 'KRW' from generate_series(1, "
					+ accounts + ") a");
			// three servers per account, one per customer: every third all month long
			// (the monthly price), the others 1 to 719 hours
			sql.execute(
					"""
							insert into usage_month (series_key, account_id, month, customer_id, resource, sku, meter, unit,
							    entitlement_id, units, first_at, last_at)
							select usage_series_key(account_id, resource, sku, meter), * from (
							    select '%1$s' || a, '%2$s', 'c' || (r %% 3), 'accounts/%1$s' || a || '/servers/s' || r,
							        'products/fault/skus/vm', 'vm-hours', 'HOUR', 'e' || r,
							        case when r %% 3 = 0 then 720 else 1 + (r * 7 + a) %% 719 end,
							        timestamptz '2025-05-31T15:00:00Z',
							        timestamptz '2025-05-31T15:00:00Z' + interval '1 hour' * case when r %% 3 = 0 then 720
							            else 1 + (r * 7 + a) %% 719 end
							    from generate_series(1, %3$d) a, generate_series(1, 3) r)
							    as m(account_id, month, customer_id, resource, sku, meter, unit, entitlement_id, units, first_at,
							    last_at)"""
						.formatted(prefix, month, accounts));
		}

		HttpResponse<String> started = client
			.send(client.post("/v1/billing-runs", operator, "{\"month\":\"" + month + "\"}"));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String runId = GatewayClient.JSON.readTree(started.body()).path("id").asString();
		Instant deadline = Instant.now().plusSeconds(120);
		while (invoices(prefix, month) == 0) {
			assertThat(Instant.now()).as("the run issued its first invoices").isBefore(deadline);
			Thread.sleep(50);
		}
		suite.kill("billing-service");
		long atKill = invoices(prefix, month);
		assertThat(atKill).as("invoices when billing was killed (the run must be mid-way)")
			.isPositive()
			.isLessThan(accounts);

		suite.restart("billing-service");
		String resumed = awaitRun(runId);
		assertThat(resumed).as("the killed run, resumed at start").contains("\"state\":\"SUCCEEDED\"");
		HttpResponse<String> again = client
			.send(client.post("/v1/billing-runs", operator, "{\"month\":\"" + month + "\"}"));
		assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
		String second = awaitRun(GatewayClient.JSON.readTree(again.body()).path("id").asString());
		assertThat(GatewayClient.JSON.readTree(second).path("invoicesIssued").asInt()).as(second).isZero();

		BigDecimal expectedSubtotal = BigDecimal.ZERO;
		long expectedUnits = 0;
		for (int a = 1; a <= accounts; a++) {
			for (int r = 1; r <= 3; r++) {
				long units = (r % 3 == 0) ? 720 : 1 + (r * 7L + a) % 719;
				expectedUnits += units;
				BigDecimal atList = BigDecimal.valueOf(units).multiply(HOURLY).min(new BigDecimal("30000"));
				// one line per customer, rounded HALF_UP to whole won
				expectedSubtotal = expectedSubtotal
					.add(atList.multiply(SUPPLY_SHARE).setScale(0, java.math.RoundingMode.HALF_UP));
			}
		}
		try (Connection connection = DriverManager.getConnection(db[0], db[1], db[2]);
				Statement sql = connection.createStatement()) {
			try (ResultSet rows = sql.executeQuery("select count(*), count(distinct account_id), sum(subtotal) "
					+ "from invoice where month = '" + month + "' and account_id like '" + prefix + "%'")) {
				rows.next();
				assertThat(rows.getLong(1)).as("invoices").isEqualTo(accounts);
				assertThat(rows.getLong(2)).as("accounts invoiced").isEqualTo(accounts);
				assertThat(rows.getBigDecimal(3).stripTrailingZeros()).isEqualTo(expectedSubtotal.stripTrailingZeros());
			}
			try (ResultSet rows = sql
				.executeQuery("select sum(quantity) from invoice_line where account_id like '" + prefix + "%'")) {
				rows.next();
				assertThat(rows.getBigDecimal(1).longValueExact()).as("hours invoiced").isEqualTo(expectedUnits);
			}
		}
	}

	// --- the partner's side

	private record Entitled(String customerId, String entitlementId) {
	}

	/**
	 * A new customer of the demo partner with an entitlement to the demo server offer.
	 */
	private static Entitled newEntitlement(String label) throws Exception {
		String userId = "f_" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = client.send(client.post("/v1/accounts/" + ACCOUNT + "/customers", partner,
				"{\"userId\":\"" + userId + "\",\"displayName\":\"Fault " + label + "\"}"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String customerId = GatewayClient.JSON.readTree(created.body()).path("id").asString();
		String order = "{\"offer\":\"" + OFFER + "\",\"billingAccount\":\"accounts/" + ACCOUNT
				+ "/billingAccounts/demo-krw\"}";
		HttpResponse<String> operation = client.eventually(
				"the entitlement is accepted", () -> client.send(client
					.post("/v1/accounts/" + ACCOUNT + "/customers/" + customerId + "/entitlements", partner, order)),
				(r) -> r.statusCode() == 202);
		String name = GatewayClient.JSON.readTree(operation.body()).path("response").path("name").asString();
		return new Entitled(customerId, name.substring(name.lastIndexOf('/') + 1));
	}

	/**
	 * Waits until billing charges the entitlement's usage (its entitlement.created and
	 * the offer's prices consumed): one hour of a warm-up server, {@code hour}, is
	 * accepted. The callers count that hour in their expectations.
	 */
	private static void awaitBillable(Entitled entitled, Instant hour) throws Exception {
		String warm = usage("warm-" + entitled.entitlementId(), entitled, "servers/warm", hour);
		client.eventually("billing charges the entitlement's usage",
				() -> client.send(client.post("/v1/usage-events", operator, "[" + warm + "]")),
				(r) -> r.statusCode() == 202 && GatewayClient.JSON.readTree(r.body()).path("rejected").isEmpty()
						&& GatewayClient.JSON.readTree(r.body()).path("accepted").asInt()
								+ GatewayClient.JSON.readTree(r.body()).path("duplicates").asInt() == 1);
	}

	private static String usage(String id, Entitled entitled, String resource, Instant hour) {
		return """
				{"specversion":"1.0","id":"%s","source":"//metering.faults","type":"usage.recorded",\
				"subject":"accounts/%s/customers/%s/%s","datacontenttype":"application/json",\
				"data":{"accountId":"%s","customerId":"%s","entitlementId":"%s","sku":"%s","meter":"vm-hours",\
				"unit":"HOUR","quantity":"1","windowStart":"%s","windowEnd":"%s"}}""".formatted(id, ACCOUNT,
				entitled.customerId(), resource, ACCOUNT, entitled.customerId(), entitled.entitlementId(), SKU, hour,
				hour.plus(Duration.ofHours(1)));
	}

	/**
	 * Sends a batch as a careful metering client does: again after every answer that is
	 * not one (a refused connection, a 502/503/504), for at most 5 minutes.
	 */
	private static HttpResponse<String> sendUntilAccepted(String batch) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
		String last = "none";
		while (Instant.now().isBefore(deadline)) {
			try {
				HttpResponse<String> answer = client.send(client.post("/v1/usage-events", operator, batch));
				if (answer.statusCode() == 202) {
					return answer;
				}
				assertThat(answer.statusCode()).as(answer.body()).isIn(502, 503, 504);
				last = answer.statusCode() + " " + answer.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(500);
		}
		fail("a usage batch was not accepted within 5 minutes; last answer " + last);
		return null;
	}

	/** The customer's month to date as "hours h, costAtList KRW", once it is so. */
	private static void awaitRated(YearMonth month, Entitled entitled, String expected) throws Exception {
		Instant deadline = Instant.now().plusSeconds(120);
		String seen = null;
		while (Instant.now().isBefore(deadline)) {
			seen = rated(month, entitled);
			if (expected.equals(seen)) {
				return;
			}
			Thread.sleep(500);
		}
		fail(month + " of customer " + entitled.customerId() + " is " + seen + ", expected " + expected);
	}

	private static String rated(YearMonth month, Entitled entitled) throws Exception {
		HttpResponse<String> charges = client
			.send(client.get("/v1/accounts/" + ACCOUNT + "/billing/current-month?month=" + month, partner).build());
		if (charges.statusCode() != 200) {
			return "HTTP " + charges.statusCode();
		}
		BigDecimal hours = BigDecimal.ZERO;
		BigDecimal costAtList = BigDecimal.ZERO;
		BigDecimal cost = BigDecimal.ZERO;
		String customer = "accounts/" + ACCOUNT + "/customers/" + entitled.customerId();
		for (JsonNode line : GatewayClient.JSON.readTree(charges.body()).path("lines")) {
			if (customer.equals(line.path("customer").asString())) {
				hours = hours.add(new BigDecimal(line.path("quantity").asString()));
				costAtList = costAtList.add(new BigDecimal(line.path("costAtList").path("amount").asString()));
				cost = cost.add(new BigDecimal(line.path("cost").path("amount").asString()));
			}
		}
		assertThat(cost.compareTo(costAtList.multiply(SUPPLY_SHARE))).as("cost is the supply share of list").isZero();
		return hours.stripTrailingZeros().toPlainString() + " h, " + costAtList.stripTrailingZeros().toPlainString()
				+ " KRW";
	}

	// --- the operator's side

	private static String breakerState(String service) throws Exception {
		HttpResponse<String> metrics = client.send(client.get("/actuator/prometheus", operator).build());
		assertThat(metrics.statusCode()).as(metrics.body()).isEqualTo(200);
		Matcher state = BREAKER_STATE.matcher(metrics.body());
		while (state.find()) {
			if (state.group(1).equals(service)) {
				return state.group(2);
			}
		}
		return "unknown";
	}

	/** Calls until they succeed and the breaker reports closed (open-for is 10 s). */
	private static void awaitBreakerClosed(String path) throws Exception {
		Instant deadline = Instant.now().plusSeconds(90);
		String state = null;
		while (Instant.now().isBefore(deadline)) {
			client.send(client.get(path, partner).build());
			state = breakerState("entitlement-service");
			if (state.equals("closed")) {
				assertThat(client.send(client.get(path, partner).build()).statusCode()).isEqualTo(200);
				return;
			}
			Thread.sleep(500);
		}
		fail("the entitlement-service breaker did not close again; last state " + state);
	}

	private static String awaitRun(String runId) throws Exception {
		Instant deadline = Instant.now().plusSeconds(300);
		while (Instant.now().isBefore(deadline)) {
			HttpResponse<String> run = client.send(client.get("/v1/billing-runs/" + runId, operator).build());
			if (run.statusCode() == 200 && !run.body().contains("\"state\":\"RUNNING\"")) {
				return run.body();
			}
			Thread.sleep(500);
		}
		fail("billing run " + runId + " still running after 5 minutes");
		return null;
	}

	private static long invoices(String prefix, String month) throws Exception {
		String[] db = suite.database("billing_service");
		try (Connection connection = DriverManager.getConnection(db[0], db[1], db[2]);
				Statement sql = connection.createStatement();
				ResultSet rows = sql.executeQuery("select count(*) from invoice where month = '" + month
						+ "' and account_id like '" + prefix + "%'")) {
			rows.next();
			return rows.getLong(1);
		}
	}

	// --- Kafka, directly

	private static KafkaProducer<String, String> producer() {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + suite.settings().kafkaPort());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
	}

	private static List<String> deadLetters(String topic) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + suite.settings().kafkaPort());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			Instant until = Instant.now().plusSeconds(8);
			while (Instant.now().isBefore(until)) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> values.add(record.value()));
			}
		}
		return values;
	}

}
