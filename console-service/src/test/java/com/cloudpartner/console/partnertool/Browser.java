package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser as far as the partner tool needs one: it keeps cookies (by path, as sent),
 * does not follow redirects by itself, and reads the CSRF token of the last page it got.
 */
final class Browser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

	private final int port;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String lastBody = "";

	Browser(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/** Posts a form (name, value, name, value, ...) as it is: no CSRF token added. */
	HttpResponse<String> post(String path, List<String> form, String... headers) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < form.size(); i += 2) {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(form.get(i), StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(form.get(i + 1), StandardCharsets.UTF_8));
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	/**
	 * Posts a form with the CSRF token of the last page, as the page's own form would.
	 */
	HttpResponse<String> submit(String path, String... form) {
		List<String> fields = new ArrayList<>(List.of("_csrf", csrf()));
		fields.addAll(List.of(form));
		return post(path, fields);
	}

	/** Follows a 303 with a GET, as browsers do. */
	HttpResponse<String> follow(HttpResponse<String> redirect) {
		assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(303);
		String location = redirect.headers().firstValue("Location").orElseThrow();
		URI target = URI.create(location);
		return get((target.getRawQuery() != null) ? target.getRawPath() + "?" + target.getRawQuery()
				: target.getRawPath());
	}

	HttpResponse<String> signIn(String loginId, String password, String... headers) {
		get("/partner/sign-in");
		List<String> form = List.of("_csrf", csrf(), "loginId", loginId, "password", password);
		return post("/partner/sign-in", form, headers);
	}

	String csrf() {
		Matcher m = CSRF.matcher(this.lastBody);
		assertThat(m.find()).as("a CSRF token on the last page").isTrue();
		return m.group(1);
	}

	Optional<String> cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	String lastBody() {
		return this.lastBody;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			this.lastBody = response.body();
			return response;
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
