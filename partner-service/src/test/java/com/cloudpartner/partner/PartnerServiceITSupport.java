package com.cloudpartner.partner;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.support.test.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one application context of the integration tests (same annotations on every IT),
 * with a small HTTP client. Tokens come from the service's own token endpoint, with the
 * bootstrap operator client of application-test.yml.
 */
@IntegrationTest
@ActiveProfiles("test")
abstract class PartnerServiceITSupport {

	static final String OPERATOR_ID = "test-operator";

	static final String OPERATOR_SECRET = "test-operator-secret-0123456789";

	/** The SMTP server that receives this JVM's mails: real SMTP, on a free port. */
	static final GreenMail SMTP = startSmtp();

	private static String cachedOperatorToken;

	private static long cachedOperatorTokenAt;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	private static GreenMail startSmtp() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			GreenMail mail = new GreenMail(
					new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			socket.close();
			mail.start();
			Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
			return mail;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The text of the one mail to the address whose subject contains the words. */
	static Mail awaitMail(String recipient, String subjectPart) {
		return await().atMost(java.time.Duration.ofSeconds(15))
			.until(() -> mails(recipient, subjectPart), (found) -> !found.isEmpty())
			.get(0);
	}

	static List<Mail> mails(String recipient, String subjectPart) {
		List<Mail> found = new java.util.ArrayList<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			try {
				boolean to = java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch((a) -> a.toString().equalsIgnoreCase(recipient));
				if (to && message.getSubject().contains(subjectPart)) {
					found.add(new Mail(message.getSubject(), String.valueOf(message.getContent()),
							message.getHeader("Message-ID")[0]));
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	/** A mail as received over SMTP. */
	record Mail(String subject, String text, String messageId) {

		String token(String label) {
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(label + ": (\\S+)").matcher(this.text);
			assertThat(matcher.find()).as(this.text).isTrue();
			return matcher.group(1);
		}

	}

	/** A unique valid login id. */
	static String newLoginId() {
		return "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
	}

	/** The sign-up body of a member with a valid company. */
	static Map<String, Object> signUpBody(String loginId, String email) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("loginId", loginId);
		body.put("password", "Pw!" + "12345x");
		body.put("name", "Minji " + loginId);
		body.put("email", email);
		body.put("mobilePhone", "010-1234-5678");
		body.put("company", Map.of("name", "Acme " + loginId, "businessRegistrationNumber", "1208147521",
				"corporateRegistrationNumber", "1101111234567"));
		body.put("agreements", Map.of("terms", true, "privacy", true, "marketingEmail", false));
		return body;
	}

	/** A verified member (through the real verification mail): {id, loginId, email}. */
	Map<String, String> verifiedMember() {
		String loginId = newLoginId();
		String email = loginId + "@acme.example.com";
		Response created = post("/v1/members", null, signUpBody(loginId, email));
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		String token = awaitMail(email, "Verify").token("Verification token");
		assertThat(post("/v1/members/verify-email", null, Map.of("token", token)).status()).isEqualTo(200);
		return Map.of("id", created.text("id"), "loginId", loginId, "email", email);
	}

	/** The member's token from the login endpoint. */
	String memberToken(String loginId) {
		Response login = post("/v1/members/login", null, Map.of("loginId", loginId, "password", "Pw!12345x"));
		assertThat(login.status()).as(login.raw()).isEqualTo(200);
		return login.text("access_token");
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	PartnerAccountManagement accounts;

	Response get(String path, String token) {
		return send("GET", path, token, null, Map.of());
	}

	Response post(String path, String token, Object body) {
		return send("POST", path, token, body, Map.of());
	}

	Response patch(String path, String token, Object body) {
		return send("PATCH", path, token, body, Map.of());
	}

	Response delete(String path, String token) {
		return send("DELETE", path, token, null, Map.of());
	}

	Response send(String method, String path, String token, Object body, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers
				.ofString((body instanceof String text) ? text : this.json.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return exchange(request.build());
	}

	/** A token request with HTTP Basic (when {@code basicUser} is given) and a form. */
	Response tokenRequest(String basicUser, String basicSecret, Map<String, String> form) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/oauth/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.entrySet()
				.stream()
				.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"))));
		if (basicUser != null) {
			String credentials = encode(basicUser) + ":" + encode(basicSecret);
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return exchange(request.build());
	}

	synchronized String operatorToken() {
		if (cachedOperatorToken != null && System.currentTimeMillis() - cachedOperatorTokenAt < 300_000) {
			return cachedOperatorToken;
		}
		Response response = tokenRequest(OPERATOR_ID, OPERATOR_SECRET, Map.of("grant_type", "client_credentials"));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		cachedOperatorToken = response.body().get("access_token").asString();
		cachedOperatorTokenAt = System.currentTimeMillis();
		return cachedOperatorToken;
	}

	/** A new approved partner account with a unique id. */
	String newAccount() {
		String id = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.createApproved(new PartnerAccountManagement.NewPartner(id, id.toUpperCase(), "Partner " + id,
				new PartnerAccount.Contract("C-" + id, new BigDecimal("15"), "KRW"),
				List.of(new PartnerAccountManagement.NewBillingAccount("krw", "KRW account", "KRW", "KR"))));
		return id;
	}

	/** A credential of the account, made by the operator: {clientId, clientSecret}. */
	JsonNode newCredential(String accountId) {
		Response created = post("/v1/accounts/" + accountId + "/credentials", operatorToken(), Map.of());
		assertThat(created.status()).as(created.raw()).isEqualTo(201);
		return created.body();
	}

	/** A partner token of the account, from a new credential through the form fields. */
	String partnerToken(String accountId) {
		JsonNode credential = newCredential(accountId);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "client_credentials");
		form.put("client_id", credential.get("clientId").asString());
		form.put("client_secret", credential.get("clientSecret").asString());
		Response response = tokenRequest(null, null, form);
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body().get("access_token").asString();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private Response exchange(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String raw = response.body();
			JsonNode body = (raw == null || raw.isBlank()) ? null : this.json.readTree(raw);
			return new Response(response.statusCode(), response.headers(), body, raw);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Response(int status, HttpHeaders headers, JsonNode body, String raw) {

		String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		String text(String field) {
			JsonNode node = this.body.get(field);
			return (node != null && !node.isNull()) ? node.asString() : null;
		}

	}

}
