package com.cloudpartner.partner;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.partner.accounts.AccountChanges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookIT extends PartnerServiceITSupport {

	@org.springframework.beans.factory.annotation.Autowired
	com.cloudpartner.partner.webhooks.WebhookSecrets webhookSecrets;

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private HttpServer receiver;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.receiver.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("Webhook-Signature"),
					new String(body, StandardCharsets.UTF_8)));
			Integer status = this.answers.poll();
			byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders((status != null) ? status : 200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	private String hookUrl() {
		return "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hook";
	}

	@Test
	void deliversASignedCloudEventRetryingAfterA500AndNeverAgainAfterA2xx() {
		String account = newAccount();
		String partner = partnerToken(account);
		assertThat(patch("/v1/accounts/" + account, partner, Map.of("callbackUrl", hookUrl())).status()).isEqualTo(200);
		Response rotated = post("/v1/accounts/" + account + "/webhook-secret", partner, null);
		assertThat(rotated.status()).isEqualTo(201);
		assertThat(rotated.header("Cache-Control")).contains("no-store");
		String secret = rotated.text("secret");
		this.answers.add(500);
		// stored encrypted, never as the secret itself
		assertThat(storedSecret(account)).startsWith("v1.").doesNotContain(secret);

		patch("/v1/accounts/" + account, operatorToken(), Map.of("contract", Map.of("supplyDiscountPercent", "21")));

		// partner.approved of the new account may come too, depending on timing: look at
		// ours (60 s: the event travels outbox -> Kafka -> consumer -> delivery, which a
		// loaded machine's first consumer rebalance can hold for more than 20 s)
		await().atMost(Duration.ofSeconds(60)).until(() -> contractChanges().size() >= 2);
		List<Received> requests = contractChanges();
		for (Received request : requests) {
			assertThat(verifies(request.signature(), request.body(), secret)).as(request.signature()).isTrue();
			assertThat(verifies(request.signature(), request.body() + " ", secret)).isFalse();
		}
		JsonNode event = this.json.readTree(requests.get(0).body());
		assertThat(event.get("type").asString()).isEqualTo("partner.contract.changed");
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("data").get("accountId").asString()).isEqualTo(account);
		assertThat(this.received.get(1).body()).isEqualTo(this.received.get(0).body());

		JsonNode delivery = await().until(
				() -> get("/v1/accounts/" + account + "/webhook-deliveries", partner).body().get("deliveries").get(0),
				(d) -> "DELIVERED".equals(d.get("state").asString()));
		assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
		assertThat(delivery.get("lastStatus").asInt()).isEqualTo(200);
		assertThat(delivery.get("eventType").asString()).isEqualTo("partner.contract.changed");
		assertThat(delivery.get("eventId").asString()).isEqualTo(event.get("id").asString());
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> contractChanges().size() == 2);
	}

	@Test
	void encryptsASecretAnEarlierVersionStoredInClearAndStillSignsWithIt() {
		String account = newAccount();
		String partner = partnerToken(account);
		assertThat(patch("/v1/accounts/" + account, partner, Map.of("callbackUrl", hookUrl())).status()).isEqualTo(200);
		String secret = post("/v1/accounts/" + account + "/webhook-secret", partner, null).text("secret");
		this.jdbc.sql("update webhook_secret set secret = :secret where account_id = :a")
			.param("secret", secret)
			.param("a", account)
			.update();

		this.webhookSecrets.encryptClearSecrets();

		assertThat(storedSecret(account)).startsWith("v1.").doesNotContain(secret);
		this.answers.add(200);
		patch("/v1/accounts/" + account, operatorToken(), Map.of("contract", Map.of("supplyDiscountPercent", "22")));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.received.stream().anyMatch((r) -> r.body().contains(account)));
		Received request = this.received.stream().filter((r) -> r.body().contains(account)).findFirst().orElseThrow();
		assertThat(verifies(request.signature(), request.body(), secret)).isTrue();
	}

	private String storedSecret(String account) {
		return this.jdbc.sql("select secret from webhook_secret where account_id = :a")
			.param("a", account)
			.query(String.class)
			.single();
	}

	private List<Received> contractChanges() {
		return this.received.stream().filter((r) -> r.body().contains("\"partner.contract.changed\"")).toList();
	}

	private JsonNode contractChangeDelivery(String account, String token) {
		return get("/v1/accounts/" + account + "/webhook-deliveries", token).body()
			.get("deliveries")
			.valueStream()
			.filter((d) -> d.get("eventType").asString().equals("partner.contract.changed"))
			.findFirst()
			.orElse(null);
	}

	@Test
	void refusesPrivateAndLinkLocalCallbackUrlsWithAReason() {
		String account = newAccount();
		String partner = partnerToken(account);
		Response privateUrl = patch("/v1/accounts/" + account, partner, Map.of("callbackUrl", "http://10.1.2.3/cb"));
		assertThat(privateUrl.status()).isEqualTo(400);
		assertThat(MemberIT.errors(privateUrl).get("callbackUrl")).contains("10.1.2.3").contains("private");
		Response metadata = patch("/v1/accounts/" + account, partner,
				Map.of("callbackUrl", "http://169.254.169.254/latest/meta-data"));
		assertThat(MemberIT.errors(metadata).get("callbackUrl")).contains("link-local");
		assertThat(get("/v1/accounts/" + account, partner).text("callbackUrl")).isNull();
	}

	@Test
	void refusesAPrivateAddressAtDeliveryTimeAndSaysWhy() {
		String account = newAccount();
		// as if the name had been re-pointed to a private address after it was accepted
		this.accounts.update(account,
				new AccountChanges(null, "http://192.168.10.20:8080/cb", null, null, null, null, null));
		String partner = partnerToken(account);
		post("/v1/accounts/" + account + "/webhook-secret", partner, null);
		patch("/v1/accounts/" + account, operatorToken(), Map.of("contract", Map.of("supplyDiscountPercent", "22")));
		JsonNode delivery = await().atMost(Duration.ofSeconds(60))
			.until(() -> contractChangeDelivery(account, partner), (d) -> d != null && d.get("attempts").asInt() >= 1);
		assertThat(delivery.get("lastError").asString()).contains("Refused").contains("private");
		assertThat(delivery.get("state").asString()).isEqualTo("PENDING");
	}

	/** What a partner's receiver does, in a few lines. */
	static boolean verifies(String header, String body, String secret) {
		String t = null;
		List<String> signatures = new java.util.ArrayList<>();
		for (String part : header.split(",")) {
			String[] kv = part.split("=", 2);
			if (kv[0].equals("t")) {
				t = kv[1];
			}
			else if (kv[0].equals("v1")) {
				signatures.add(kv[1]);
			}
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
			return signatures.contains(expected);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Received(String signature, String body) {
	}

}
