package com.cloudpartner.deploy;

import java.net.http.HttpResponse;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner's day in the partner management tool, in a real browser (headless Chromium)
 * through the gateway: a company that signed up, applied and was approved the way
 * partners are (member sign-up, e-mail verified, application, the operator's approval)
 * signs in with its login id and password, creates a customer, creates API credentials
 * (the secret shown once) and sets its callback URL. Screenshots in
 * {@code deploy/target/screenshots}.
 */
class PartnerToolBrowserIT {

	private static final String PASSWORD = "Pw!12345x";

	private static GatewayClient client;

	@BeforeAll
	static void startTheSuite() throws Exception {
		Browser.assumeInstalled();
		client = new GatewayClient(SharedSuite.get().settings().gatewayUrl());
	}

	@Test
	void aPartnersDaySignsInCreatesACustomerAndCredentialsAndSetsTheCallbackUrl() throws Exception {
		String loginId = "pt" + (100000 + new Random().nextInt(900000));
		String accountId = approvedPartner(loginId);

		try (Browser browser = Browser.open("ko")) {
			browser.get(client.url("/partner"));
			browser.find(By.id("loginId")).sendKeys(loginId);
			browser.find(By.id("password")).sendKeys(PASSWORD);
			browser.screenshot("partner-day-1-sign-in");
			browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();
			assertThat(browser.find(By.id("login-id")).getText()).contains(loginId);
			assertThat(browser.pageSource()).doesNotContain("access_token");

			browser.get(client.url("/partner/customers/new"));
			browser.find(By.id("userId")).sendKeys("shop01");
			browser.find(By.id("displayName")).sendKeys("<b>Shop</b> 김");
			browser.find(By.cssSelector("#customer-form button[type=submit]")).click();
			assertThat(browser.waitForText(By.id("customers"), "shop01").getText()).contains("<b>Shop</b> 김");
			browser.screenshot("partner-day-2-customers");

			browser.find(By.cssSelector("#nav a[href$='/partner/credentials']")).click();
			browser.find(By.cssSelector("#credential-form button[type=submit]")).click();
			String clientId = browser.find(By.id("new-client-id")).getText();
			String secret = browser.find(By.id("new-client-secret")).getText();
			assertThat(clientId).isNotBlank();
			assertThat(secret).isNotBlank();
			browser.screenshot("partner-day-3-credentials");
			// the new credential works at once, for this partner's account only
			String token = client.token(clientId, secret);
			HttpResponse<String> customers = client
				.send(client.get("/v1/accounts/" + accountId + "/customers", token).build());
			assertThat(customers.statusCode()).as(customers.body()).isEqualTo(200);
			assertThat(customers.body()).contains("shop01");
			browser.get(client.url("/partner/credentials"));
			assertThat(browser.pageSource()).doesNotContain(secret);

			browser.find(By.cssSelector("#nav a[href$='/partner/settings']")).click();
			browser.find(By.id("callbackUrl")).clear();
			browser.find(By.id("callbackUrl")).sendKeys("https://shop.example.com/cloud/callbacks");
			browser.find(By.id("save-settings")).click();
			browser.find(By.id("flash"));
			assertThat(browser.find(By.id("callbackUrl")).getAttribute("value"))
				.isEqualTo("https://shop.example.com/cloud/callbacks");
			browser.screenshot("partner-day-4-settings");
		}
		HttpResponse<String> account = client
			.send(client.get("/v1/accounts/" + accountId, client.token("local-operator", "local-operator-secret"))
				.build());
		assertThat(GatewayClient.JSON.readTree(account.body()).path("callbackUrl").asString())
			.isEqualTo("https://shop.example.com/cloud/callbacks");
	}

	/**
	 * A partner as onboarding makes one: sign-up, the e-mail verified (by the operator
	 * here, as support does), the application and its approval.
	 * @return the partner's account id
	 */
	private static String approvedPartner(String loginId) throws Exception {
		String operator = client.token("local-operator", "local-operator-secret");
		HttpResponse<String> member = client.send(client.post("/v1/members", null, """
				{"loginId":"%s","password":"%s","name":"Partner Lee","email":"%s@shop.example.com",
				 "mobilePhone":"010-1234-5678","company":{"name":"Shop %s","businessRegistrationNumber":"1208147521",
				 "corporateRegistrationNumber":"1101111234567"},"agreements":{"terms":true,"privacy":true}}"""
			.formatted(loginId, PASSWORD, loginId, loginId)));
		assertThat(member.statusCode()).as(member.body()).isEqualTo(201);
		String memberId = GatewayClient.JSON.readTree(member.body()).path("id").asString();
		HttpResponse<String> verified = client.send(client.post("/v1/members/" + memberId + "/verify", operator, "{}"));
		assertThat(verified.statusCode()).as(verified.body()).isIn(200, 204);
		HttpResponse<String> login = client.send(client.post("/v1/members/login", null,
				"{\"loginId\":\"" + loginId + "\",\"password\":\"" + PASSWORD + "\"}"));
		assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
		String memberToken = GatewayClient.JSON.readTree(login.body()).path("access_token").asString();
		HttpResponse<String> application = client.send(client.post("/v1/partner-applications", memberToken,
				"{\"businessRegistrationNumber\":\"1208147521\",\"contactName\":\"Partner Lee\","
						+ "\"contactEmail\":\"" + loginId + "@shop.example.com\",\"contactPhone\":\"010-1234-5678\"}"));
		assertThat(application.statusCode()).as(application.body()).isEqualTo(201);
		String applicationId = GatewayClient.JSON.readTree(application.body()).path("id").asString();
		HttpResponse<String> approved = client
			.send(client.post("/v1/partner-applications/" + applicationId + "/approve", operator,
					"{\"contract\":{\"reference\":\"E2E-" + loginId + "\",\"supplyDiscountPercent\":\"15\","
							+ "\"currencyCode\":\"KRW\"}}"));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		JsonNode decision = GatewayClient.JSON.readTree(approved.body());
		return decision.path("accountId").asString();
	}

}
