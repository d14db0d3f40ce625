package com.cloudpartner.deploy;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end user's console in a real browser (headless Chromium), entered the way the
 * partner's site enters it: a page of the partner's own site posts {@code user_id} and a
 * console token to the console, and the end user lands on their console, in Korean by
 * default and in English when their browser prefers it. Screenshots of each step are kept
 * in {@code deploy/target/screenshots}.
 */
class ConsoleBrowserIT {

	private static final String ACCOUNT = "demo-account";

	private static GatewayClient client;

	private static HttpServer partnerSite;

	private static volatile String partnerPage = "";

	@BeforeAll
	static void startTheSuiteAndThePartnersSite() throws Exception {
		Browser.assumeInstalled();
		client = new GatewayClient(SharedSuite.get().settings().gatewayUrl());
		// the partner's own web site, on another origin than the console
		partnerSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		partnerSite.createContext("/my-cloud", (exchange) -> {
			byte[] page = partnerPage.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		partnerSite.start();
	}

	@AfterAll
	static void stopThePartnersSite() {
		if (partnerSite != null) {
			partnerSite.stop(0);
		}
	}

	@Test
	void anEndUserEntersTheirConsoleFromThePartnersSiteInKoreanOrEnglish() throws Exception {
		String partnerToken = client.token("demo-partner", "demo-partner-secret");
		String userId = "web_" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = client.send(client.post("/v1/accounts/" + ACCOUNT + "/customers", partnerToken,
				"{\"userId\":\"" + userId + "\",\"displayName\":\"Web Park\"}"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String customerId = GatewayClient.JSON.readTree(created.body()).path("id").asString();

		try (Browser browser = Browser.open("ko")) {
			enterFromThePartnersSite(browser, partnerToken, customerId, userId);
			assertThat(browser.currentUrl()).endsWith("/console/home");
			assertThat(browser.find(By.id("partner-name")).getText()).isNotBlank();
			assertThat(browser.waitForText(By.id("welcome"), userId).getText()).contains("님으로 로그인되어 있습니다");
			assertThat(browser.find(By.id("entitlements-section")).getText()).contains("구독 중인 상품");
			assertThat(browser.find(By.id("charges-section")).getText()).contains("이번 달 요금");
			assertThat(browser.pageSource()).doesNotContain("Exception").doesNotContain("\"cost\"");
			browser.screenshot("end-user-console-home-ko");
		}
		try (Browser browser = Browser.open("en")) {
			enterFromThePartnersSite(browser, partnerToken, customerId, userId);
			assertThat(browser.waitForText(By.id("welcome"), userId).getText()).contains("Signed in as");
			assertThat(browser.find(By.id("charges-section")).getText()).contains("Charges this month");
			browser.screenshot("end-user-console-home-en");
		}
	}

	/**
	 * Opens the partner's page holding a fresh console token in its form and presses the
	 * button, as the end user does on the partner's site.
	 */
	private void enterFromThePartnersSite(Browser browser, String partnerToken, String customerId, String userId)
			throws Exception {
		HttpResponse<String> minted = client.send(client
			.post("/v1/accounts/" + ACCOUNT + "/customers/" + customerId + "/console-tokens", partnerToken, "{}"));
		assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
		JsonNode token = GatewayClient.JSON.readTree(minted.body());
		partnerPage = """
				<!DOCTYPE html><html><head><meta charset="utf-8"><title>Example Partner</title></head><body>
				<h1>Example Partner Cloud</h1>
				<form id="open-console" method="post" action="%s">
				<input type="hidden" name="user_id" value="%s"><input type="hidden" name="jwt" value="%s">
				<button id="open" type="submit">Open my cloud console</button></form></body></html>""".formatted(
				token.path("consoleUrl").asString(client.url("/console")), userId, token.path("token").asString());
		browser.get("http://127.0.0.1:" + partnerSite.getAddress().getPort() + "/my-cloud");
		browser.find(By.id("open")).click();
		browser.find(By.id("welcome"));
	}

}
