package com.cloudpartner.deploy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

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
 * (the secret shown once), sets its callback URL, and reads this month's charges and last
 * month's invoice. Screenshots in {@code deploy/target/screenshots}.
 */
class PartnerToolBrowserIT {

	private static final String PASSWORD = "Pw!12345x";

	private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

	private static GatewayClient client;

	@BeforeAll
	static void startTheSuite() throws Exception {
		Browser.assumeInstalled();
		client = new GatewayClient(SharedSuite.get().settings().gatewayUrl());
	}

	@Test
	void aPartnersDaySignsInCreatesACustomerAndCredentialsSetsTheCallbackAndReadsChargesAndAnInvoice()
			throws Exception {
		String loginId = "pt" + (100000 + new Random().nextInt(900000));
		String accountId = Onboarding.approvedPartner(client, loginId, PASSWORD);

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

			// last month's usage invoiced by the operator's run, this month's so far
			String customerId = idOf(customers.body(), "shop01");
			String entitlementId = Onboarding.iaasEntitlement(client, token, accountId, customerId);
			YearMonth thisMonth = YearMonth.now(SEOUL);
			report(accountId, customerId, entitlementId,
					thisMonth.minusMonths(1).atDay(1).atStartOfDay(SEOUL).toInstant(), 3);
			report(accountId, customerId, entitlementId,
					Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2)), 2);
			invoice(accountId, thisMonth.minusMonths(1));
			browser.find(By.cssSelector("#nav a[href$='/partner/charges']")).click();
			// two hours at 45 KRW: 90 at list, 76.5 -> 77 after the 15 % supply discount
			String charges = browser.waitForText(By.id("charge-lines"), "vm-hours").getText();
			assertThat(charges).contains("<b>Shop</b> 김").contains("90 KRW").contains("77 KRW");
			browser.screenshot("partner-day-5-charges");
			browser.find(By.cssSelector("#nav a[href$='/partner/invoices']")).click();
			browser.find(By.cssSelector(".invoice-row .invoice-link")).click();
			// three hours: cost 114.75 -> line 115, VAT 11 (11.5 rounded down), total 126
			assertThat(browser.find(By.id("invoice-total")).getText()).contains("126");
			assertThat(browser.find(By.id("invoice-tax")).getText()).contains("11");
			browser.screenshot("partner-day-6-invoice");

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
	 * Hours of a server of the customer's entitlement from an hour on, reported once
	 * billing knows the partner.
	 */
	private static void report(String accountId, String customerId, String entitlementId, Instant from, int hours)
			throws Exception {
		String operator = client.token("local-operator", "local-operator-secret");
		StringBuilder batch = new StringBuilder("[");
		for (int i = 0; i < hours; i++) {
			Instant start = from.plus(Duration.ofHours(i));
			batch.append((i > 0) ? "," : "")
				.append("""
						{"specversion":"1.0","id":"%s","source":"//shop.example/metering","type":"usage.recorded",
						 "subject":"accounts/%s/customers/%s/servers/shop-web","datacontenttype":"application/json",
						 "data":{"accountId":"%s","customerId":"%s","entitlementId":"%s",
						 "sku":"products/server-basic/skus/basic-2vcpu-4gb","meter":"vm-hours","unit":"HOUR","quantity":"1",
						 "windowStart":"%s","windowEnd":"%s"}}"""
					.formatted(UUID.randomUUID(), accountId, customerId, accountId, customerId, entitlementId, start,
							start.plus(Duration.ofHours(1))));
		}
		String body = batch.append("]").toString();
		// usage of a partner billing has not heard of yet is refused
		// (ACCOUNT_NOT_BILLABLE): sent again
		client.eventually("billing accepts the new partner's usage",
				() -> client.send(client.post("/v1/usage-events", operator, body)),
				(r) -> r.statusCode() == 202 && GatewayClient.JSON.readTree(r.body()).path("rejected").isEmpty());
	}

	/** The operator's billing run of one account's month, to its end. */
	private static void invoice(String accountId, YearMonth month) throws Exception {
		String operator = client.token("local-operator", "local-operator-secret");
		HttpResponse<String> run = client.send(client.post("/v1/billing-runs", operator,
				"{\"month\":\"" + month + "\",\"accountId\":\"" + accountId + "\"}"));
		assertThat(run.statusCode()).as(run.body()).isEqualTo(202);
		String id = GatewayClient.JSON.readTree(run.body()).path("id").asString();
		HttpResponse<String> done = client.eventually("the billing run ends",
				() -> client.send(client.get("/v1/billing-runs/" + id, operator).build()),
				(r) -> !r.body().contains("\"RUNNING\""));
		assertThat(GatewayClient.JSON.readTree(done.body()).path("state").asString()).as(done.body())
			.isEqualTo("SUCCEEDED");
	}

	private static String idOf(String customers, String userId) {
		for (JsonNode customer : GatewayClient.JSON.readTree(customers).path("customers")) {
			if (userId.equals(customer.path("userId").asString())) {
				return customer.path("id").asString();
			}
		}
		throw new AssertionError("no customer " + userId + " in " + customers);
	}

}
