package com.cloudpartner.deploy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at a web page without a browser: one cookie jar, pages parsed as HTML, forms
 * submitted with what the page put in them (hidden CSRF fields, selected options, default
 * values) plus what the person types. Redirects are followed the way a browser follows
 * them, so a form's answer is the page it leads to.
 */
final class WebSession {

	private final GatewayClient gateway;

	private final String language;

	private final HttpClient http;

	WebSession(GatewayClient gateway, String language) {
		this.gateway = gateway;
		this.language = language;
		this.http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NORMAL)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** A page that must answer 200 as HTML. */
	Page open(String path) throws Exception {
		Page page = get(path);
		page.assertShown();
		return page;
	}

	/** A page, whatever its status. */
	Page get(String path) throws Exception {
		return send(request(path).GET().build());
	}

	/** The raw answer of a GET (JSON, CSV downloads). */
	HttpResponse<String> raw(String path) throws Exception {
		return this.http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form as the page holds it, with some fields set or replaced. */
	Page submit(Element form, Map<String, String> typed) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], select[name], textarea[name]")) {
			String name = input.attr("name");
			switch (input.tagName()) {
				case "select" -> {
					Element selected = input.selectFirst("option[selected]");
					Element option = (selected != null) ? selected : input.selectFirst("option");
					if (option != null) {
						fields.putIfAbsent(name, option.hasAttr("value") ? option.attr("value") : option.text());
					}
				}
				case "textarea" -> fields.putIfAbsent(name, input.text());
				default -> {
					String type = input.attr("type");
					if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
						continue;
					}
					if (!type.equals("submit")) {
						fields.putIfAbsent(name, input.attr("value"));
					}
				}
			}
		}
		fields.putAll(typed);
		String action = form.attr("action");
		String body = fields.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		if ("get".equalsIgnoreCase(form.attr("method"))) {
			return get(action + (action.contains("?") ? "&" : "?") + body);
		}
		return send(request(action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Posts a form that a page holds, found by a CSS selector. */
	Page submit(Page page, String formSelector, Map<String, String> typed) throws Exception {
		Element form = page.document().selectFirst(formSelector);
		assertThat(form).as("a form " + formSelector + " on " + page.uri()).isNotNull();
		return submit(form, typed);
	}

	/**
	 * Posts fields to a path, as a page's own form would (the caller adds the CSRF
	 * field).
	 */
	Page post(String path, Map<String, String> fields) throws Exception {
		String body = fields.entrySet()
			.stream()
			.map((e) -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpRequest.Builder request(String path) {
		URI uri = path.startsWith("http") ? URI.create(path) : URI.create(this.gateway.url(path));
		return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept-Language", this.language);
	}

	private Page send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		return new Page(response.statusCode(), response.uri(), response.body(),
				Jsoup.parse(response.body(), response.uri().toString()));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** A page as it arrived. */
	record Page(int status, URI uri, String html, Document document) {

		/**
		 * Shown as a page should be: 200, HTML, and nothing of the machinery behind it.
		 */
		Page assertShown() {
			assertThat(this.status).as(this.uri + "\n" + text()).isEqualTo(200);
			assertThat(this.html).as(this.uri.toString())
				.doesNotContain("Exception")
				.doesNotContain("Whitelabel")
				.doesNotContain("Stack trace")
				.doesNotContain("??");
			return this;
		}

		String path() {
			return this.uri.getPath();
		}

		/** The text of an element, which must be there. */
		String text(String selector) {
			Element element = this.document.selectFirst(selector);
			assertThat(element).as("an element " + selector + " on " + this.uri + "\n" + text()).isNotNull();
			return element.text();
		}

		boolean has(String selector) {
			return this.document.selectFirst(selector) != null;
		}

		String text() {
			return this.document.text();
		}

	}

}
