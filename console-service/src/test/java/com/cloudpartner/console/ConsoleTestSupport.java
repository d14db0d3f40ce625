package com.cloudpartner.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole console on a random port, with partner-, entitlement- and billing-service
 * faked on loopback and tokens from {@link TestTokens}. Every test class extends this, so
 * that they share one Spring context; each test uses its own account or customer ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ConsoleTestSupport {

	static final FakeUpstreams upstreams = FakeUpstreams.get();

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void upstreamProperties(DynamicPropertyRegistry registry) {
		registry.add("platform.security.jwks-uri", () -> TestTokens.jwksUri().toString());
		registry.add("platform.services.partner", () -> upstreams.baseUri().toString());
		registry.add("platform.services.entitlement", () -> upstreams.baseUri().toString());
		registry.add("platform.services.billing", () -> upstreams.baseUri().toString());
		registry.add("platform.console.client-id", () -> FakeUpstreams.CLIENT_ID);
		registry.add("platform.console.client-secret", () -> FakeUpstreams.CLIENT_SECRET);
		registry.add("platform.console.read-timeout", () -> "1s");
	}

	/** A partner whose settings partner-service knows, with a fresh id. */
	static String newAccount(String displayName, int ttlMinutes) {
		String accountId = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		upstreams.accounts.put(accountId, FakeUpstreams.account(accountId, displayName, ttlMinutes,
				"https://cdn.partner.example/logo.png", "#0a7c4a"));
		return accountId;
	}

	static String newCustomer(String accountId, String userId) {
		String customerId = "cust-" + UUID.randomUUID().toString().substring(0, 8);
		upstreams.userIds.put(FakeUpstreams.key(accountId, customerId), userId);
		return customerId;
	}

	static String consoleToken(String accountId, String customerId, String userId, Duration lifetime) {
		return TestTokens.builder("customer-" + customerId, "console", "console", lifetime)
			.claim("acct", accountId)
			.claim("cust", customerId)
			.claim("uid", userId)
			.compact();
	}

	HttpResponse<String> enter(String userId, String jwt, String... headers) {
		String form = "user_id=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&jwt="
				+ URLEncoder.encode(jwt, StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/console"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/** Enters and returns the session cookie ({@code CONSOLE_SESSION=...}). */
	String openSession(String accountId, String customerId, String userId, Duration tokenLifetime) {
		HttpResponse<String> response = enter(userId, consoleToken(accountId, customerId, userId, tokenLifetime));
		assertThat(response.statusCode()).isEqualTo(303);
		return sessionCookie(response).orElseThrow();
	}

	HttpResponse<String> get(String path, String cookie, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	HttpResponse<String> post(String path, String cookie) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.noBody());
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return send(request);
	}

	/** Posts a form: name, value, name, value... */
	HttpResponse<String> postForm(String path, String cookie, List<String> fields, String... headers) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i + 1 < fields.size(); i += 2) {
			if (!form.isEmpty()) {
				form.append('&');
			}
			form.append(URLEncoder.encode(fields.get(i), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(fields.get(i + 1), StandardCharsets.UTF_8));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString()));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/** The CSRF token that the session's pages put in their forms. */
	String csrfToken(String cookie) {
		return csrfIn(get("/console/home", cookie).body());
	}

	static String csrfIn(String html) {
		Matcher matcher = CSRF_FIELD.matcher(html);
		assertThat(matcher.find()).as("a form with the CSRF token").isTrue();
		return matcher.group(1);
	}

	/** The path a redirect sends the browser to. */
	static String location(HttpResponse<?> response) {
		assertThat(response.statusCode()).as("a redirect").isEqualTo(303);
		return URI.create(response.headers().firstValue("Location").orElseThrow()).getPath();
	}

	static Optional<String> setCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((value) -> value.startsWith("CONSOLE_SESSION="))
			.findFirst();
	}

	static Optional<String> sessionCookie(HttpResponse<?> response) {
		return setCookie(response).map((value) -> value.substring(0, value.indexOf(';')));
	}

	static void assertNoInternals(HttpResponse<String> response) {
		// a CSP nonce is random Base64 and may hold "eyJ" (the start of a token) by
		// chance
		assertThat(response.body().replaceAll("nonce=\"[^\"]*\"", "nonce=\"\"")).doesNotContain("Exception", "at com.",
				"at org.", "Whitelabel", "eyJ");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
