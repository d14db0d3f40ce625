package com.cloudpartner.partner;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.partner.clients.ApiClientManagement;
import com.cloudpartner.partner.demo.DemoData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class AccountIT extends PartnerServiceITSupport {

	@Autowired
	ApiClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	@Test
	void showsTheAccountToItsPartnerInTheDocumentedShape() {
		String account = newAccount();
		Response response = get("/v1/accounts/" + account, partnerToken(account));
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.body();
		assertThat(body.get("name").asString()).isEqualTo("accounts/" + account);
		assertThat(body.get("id").asString()).isEqualTo(account);
		assertThat(body.get("publicId").asString()).isEqualTo(account.toUpperCase());
		assertThat(body.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(body.get("consoleSessionTtlMinutes").asInt()).isEqualTo(30);
		assertThat(body.get("contacts").isArray()).isTrue();
		assertThat(body.has("callbackUrl")).isTrue();
		assertThat(body.has("consoleLoginUrl")).isTrue();
		assertThat(body.has("taxContact")).isTrue();
		assertThat(body.get("branding").has("primaryColor")).isTrue();
		assertThat(body.get("contract").get("supplyDiscountPercent").isString()).isTrue();
		assertThat(body.get("contract").get("supplyDiscountPercent").asString()).isEqualTo("15");
		assertThat(body.get("contract").get("currencyCode").asString()).isEqualTo("KRW");
		assertThat(get("/v1/accounts/" + account, partnerToken(newAccount())).status()).isEqualTo(403);
		assertThat(get("/v1/accounts/acct-missing", operatorToken()).text("code")).isEqualTo("ACCOUNT_NOT_FOUND");
	}

	@Test
	void letsThePartnerChangeSettingsButOnlyTheOperatorTheContract() {
		String account = newAccount();
		String partner = partnerToken(account);
		String path = "/v1/accounts/" + account;
		Response patched = patch(path, partner,
				Map.of("callbackUrl", "https://partner.example.com/cb", "consoleSessionTtlMinutes", 60, "branding",
						Map.of("displayName", "P Cloud", "primaryColor", "#0055AA"), "taxContact",
						Map.of("name", "Tax Desk", "email", "tax@example.com")));
		assertThat(patched.status()).as(patched.raw()).isEqualTo(200);
		assertThat(patched.text("callbackUrl")).isEqualTo("https://partner.example.com/cb");
		assertThat(patched.body().get("consoleSessionTtlMinutes").asInt()).isEqualTo(60);
		assertThat(patched.body().get("branding").get("primaryColor").asString()).isEqualTo("#0055AA");
		assertThat(patched.body().get("taxContact").get("email").asString()).isEqualTo("tax@example.com");

		Response invalid = patch(path, partner, Map.of("callbackUrl", "ftp://x", "consoleSessionTtlMinutes", 2));
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.body().get("errors").valueStream().map((e) -> e.get("field").asString()))
			.containsExactlyInAnyOrder("callbackUrl", "consoleSessionTtlMinutes");

		Response contract = patch(path, partner, Map.of("contract", Map.of("supplyDiscountPercent", "30")));
		assertThat(contract.status()).isEqualTo(403);
		assertThat(contract.text("code")).isEqualTo("CONTRACT_OPERATOR_ONLY");

		Response byOperator = patch(path, operatorToken(), Map.of("contract", Map.of("supplyDiscountPercent", "22.5")));
		assertThat(byOperator.status()).as(byOperator.raw()).isEqualTo(200);
		assertThat(byOperator.body().get("contract").get("supplyDiscountPercent").asString()).isEqualTo("22.5");
		assertThat(byOperator.text("callbackUrl")).isEqualTo("https://partner.example.com/cb");
	}

	@Test
	void seedsTheDemoDataOnceAndItsClientsWork() {
		DemoData demo = new DemoData(this.accounts, this.clients);
		demo.seed();
		demo.seed();
		assertThat(this.jdbc
			.sql("select count(*) from platform_outbox where record_key = 'accounts/demo-account' "
					+ "and payload like '%\"type\":\"partner.approved\"%'")
			.query(Integer.class)
			.single()).isEqualTo(1);

		Response account = get("/v1/accounts/demo-account", operatorToken());
		assertThat(account.text("publicId")).isEqualTo("DEMO-0001");
		assertThat(account.text("displayName")).isEqualTo("Demo Reseller");
		assertThat(account.body().get("contract").get("supplyDiscountPercent").asString()).isEqualTo("20");
		assertThat(this.jdbc
			.sql("select display_name || '/' || currency_code || '/' || region_code "
					+ "from billing_account where account_id = 'demo-account' and id = 'demo-krw'")
			.query(String.class)
			.list()).isEqualTo(List.of("Demo Reseller KRW/KRW/KR"));

		Response partner = tokenRequest("demo-partner", "demo-partner-secret",
				Map.of("grant_type", "client_credentials"));
		assertThat(partner.text("scope")).isEqualTo("partner");
		String partnerToken = partner.text("access_token");
		String customer = post("/v1/accounts/demo-account/customers", partnerToken,
				Map.of("userId", "demo_user", "displayName", "Demo User"))
			.text("id");

		Response console = tokenRequest("console-service", "console-service-secret",
				Map.of("grant_type", "client_credentials"));
		assertThat(console.text("scope")).isEqualTo("console.issuer");
		String consoleIssuer = console.text("access_token");
		assertThat(get("/v1/accounts/demo-account", consoleIssuer).status()).isEqualTo(200);
		assertThat(post("/v1/accounts/demo-account/customers/" + customer + "/console-tokens", consoleIssuer, null)
			.status()).isEqualTo(201);
		assertThat(patch("/v1/accounts/demo-account", consoleIssuer, Map.of("callbackUrl", "")).status())
			.isEqualTo(403);
	}

}
