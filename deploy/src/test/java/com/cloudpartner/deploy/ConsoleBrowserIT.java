package com.cloudpartner.deploy;

import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
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
	 * An end user's day: from the partner's site into the console, a server created from
	 * the form, its job followed until the server runs, stopped, and this month's charges
	 * at the customer's prices (of usage reported earlier today).
	 */
	@Test
	void anEndUsersDayCreatesAServerWatchesItsJobStopsItSeesTheChargeAndSwitchesToEnglish() throws Exception {
		String partnerToken = client.token("demo-partner", "demo-partner-secret");
		String userId = "day_" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = client.send(client.post("/v1/accounts/" + ACCOUNT + "/customers", partnerToken,
				"{\"userId\":\"" + userId + "\",\"displayName\":\"Day Kim\"}"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String customerId = GatewayClient.JSON.readTree(created.body()).path("id").asString();
		String entitlement = iaasEntitlement(partnerToken, customerId);
		reportTwoHoursOfAServer(customerId, entitlement);
		client.disarmProviderFaults();

		try (Browser browser = Browser.open("ko")) {
			enterFromThePartnersSite(browser, partnerToken, customerId, userId);
			browser.find(By.id("nav-servers")).click();
			browser.find(By.id("create-server")).click();
			browser.find(By.id("displayName")).sendKeys("web-1");
			// the demo server type: other tests add IaaS SKUs that the simulated provider
			// cannot run as servers, and the console lists them too (see the closing
			// note)
			new Select(browser.find(By.id("sku"))).selectByValue("products/server-basic/skus/basic-2vcpu-4gb");
			browser.screenshot("end-user-day-1-create-server");
			browser.find(By.id("create-submit")).click();
			// the job page follows the job by itself until the server runs
			browser.waitForAttribute(By.id("job"), "data-state", "SUCCEEDED");
			browser.screenshot("end-user-day-2-job-succeeded");
			browser.find(By.id("back-to-server")).click();
			assertThat(browser.waitForAttribute(By.id("server-state"), "class", "state state-RUNNING").getText())
				.isEqualTo("실행 중");
			assertThat(browser.find(By.id("server-name")).getText()).contains("web-1");
			browser.find(By.cssSelector("#stop-form button")).click();
			browser.waitForAttribute(By.id("job"), "data-state", "SUCCEEDED");
			browser.find(By.id("back-to-server")).click();
			assertThat(browser.waitForAttribute(By.id("server-state"), "class", "state state-STOPPED").getText())
				.isEqualTo("정지됨");
			browser.screenshot("end-user-day-3-server-stopped");
			browser.find(By.id("nav-home")).click();
			// two hours at the list price (no repricing config): 45 + 45, never the cost
			assertThat(browser.waitForText(By.id("charges"), "90").getText()).contains("vm-hours");
			assertThat(browser.find(By.id("charges-total")).getText()).contains("90");
			browser.screenshot("end-user-day-4-charges");
			// the switch to English is remembered from page to page
			browser.find(By.id("language-switch")).click();
			assertThat(browser.waitForText(By.id("charges-section"), "Charges this month").getText()).contains("90");
			browser.find(By.id("nav-servers")).click();
			assertThat(browser.waitForAttribute(By.cssSelector("html"), "lang", "en").getAttribute("lang"))
				.isEqualTo("en");
			browser.screenshot("end-user-day-5-english");
		}
	}

	/** An IaaS entitlement of the customer (the demo catalog's pay-as-you-go offer). */
	private String iaasEntitlement(String partnerToken, String customerId) throws Exception {
		String path = "/v1/accounts/" + ACCOUNT + "/customers/" + customerId + "/entitlements";
		HttpResponse<String> operation = client.eventually("the IaaS entitlement is accepted",
				() -> client.send(client.post(path, partnerToken, "{\"offer\":\"offers/iaas-payg\","
						+ "\"billingAccount\":\"accounts/" + ACCOUNT + "/billingAccounts/demo-krw\"}")),
				(r) -> r.statusCode() == 202);
		String name = GatewayClient.JSON.readTree(operation.body()).at("/response/name").asString();
		assertThat(name).startsWith("accounts/" + ACCOUNT + "/customers/" + customerId + "/entitlements/");
		return name.substring(name.lastIndexOf('/') + 1);
	}

	/**
	 * Two hours of an earlier server of the customer, reported through the usage API (as
	 * an operator: the platform's own metering reports an hour only after it ended), and
	 * waits until billing rated them.
	 */
	private void reportTwoHoursOfAServer(String customerId, String entitlementId) throws Exception {
		String usageToken = client.token("local-operator", "local-operator-secret");
		ZoneId seoul = ZoneId.of("Asia/Seoul");
		Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
		if (!YearMonth.from(first.atZone(seoul)).equals(YearMonth.now(seoul))) {
			first = YearMonth.now(seoul).atDay(1).atStartOfDay(seoul).toInstant();
		}
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < 2; i++) {
			Instant start = first.plus(Duration.ofHours(i));
			batch.append((i > 0) ? "," : "")
				.append("""
						{"specversion":"1.0","id":"%s","source":"//partner.example/metering","type":"usage.recorded",
						 "subject":"accounts/%s/customers/%s/servers/old-1","datacontenttype":"application/json",
						 "data":{"accountId":"%s","customerId":"%s","entitlementId":"%s",
						 "sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","unit":"HOUR","quantity":"1",
						 "windowStart":"%s","windowEnd":"%s"}}"""
					.formatted(UUID.randomUUID(), ACCOUNT, customerId, ACCOUNT, customerId, entitlementId, start,
							start.plus(Duration.ofHours(1))));
		}
		HttpResponse<String> accepted = client.send(client.post("/v1/usage-events", usageToken, batch + "]"));
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		assertThat(GatewayClient.JSON.readTree(accepted.body()).path("accepted").asInt()).as(accepted.body())
			.isEqualTo(2);
		client.eventually("billing rated the two hours",
				() -> client.send(client
					.get("/v1/accounts/" + ACCOUNT + "/customers/" + customerId + "/billing/current-month", usageToken)
					.build()),
				(r) -> r.statusCode() == 200 && r.body().contains("\"quantity\":\"2\""));
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
