package com.cloudpartner.partner;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PartnerOnboardingIT extends PartnerServiceITSupport {

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.kafka.bootstrap-servers}")
	String kafka;

	private Map<String, Object> application(String email) {
		return Map.of("businessRegistrationNumber", "1208147521", "contactName", "Minji Park", "contactEmail",
				"contact-" + email, "contactPhone", "02-123-4567", "message", "We resell servers.");
	}

	@Test
	void aVerifiedMemberAppliesAndTheApprovalMakesAWorkingPartner() {
		Map<String, String> member = verifiedMember();
		String memberToken = memberToken(member.get("loginId"));
		Response applied = post("/v1/partner-applications", memberToken, application(member.get("email")));
		assertThat(applied.status()).as(applied.raw()).isEqualTo(201);
		assertThat(applied.text("state")).isEqualTo("SUBMITTED");
		Response twice = post("/v1/partner-applications", memberToken, application(member.get("email")));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.text("code")).isEqualTo("APPLICATION_PENDING");
		assertThat(post("/v1/partner-applications", partnerToken(newAccount()), application("x@y.z")).text("code"))
			.isEqualTo("MEMBER_ONLY");
		Response badBrn = post("/v1/partner-applications", memberToken, Map.of("businessRegistrationNumber",
				"1208147520", "contactName", "M", "contactEmail", "m@x.example.com", "contactPhone", "02-123-4567"));
		assertThat(MemberIT.errors(badBrn)).containsEntry("businessRegistrationNumber", "has a wrong check digit");

		String id = applied.text("id");
		JsonNode queue = get("/v1/partner-applications?state=SUBMITTED&pageSize=500", operatorToken()).body();
		assertThat(queue.get("applications").valueStream().map((a) -> a.get("id").asString())).contains(id);
		assertThat(get("/v1/partner-applications?state=SUBMITTED", memberToken).body().get("applications").size())
			.isEqualTo(1);
		assertThat(post("/v1/partner-applications/" + id + "/approve", memberToken, approval()).status())
			.isEqualTo(403);
		Response invalid = post("/v1/partner-applications/" + id + "/approve", operatorToken(),
				Map.of("contract", Map.of("reference", "CT-1", "supplyDiscountPercent", "101", "currencyCode", "XXY")));
		assertThat(invalid.status()).isEqualTo(400);

		Response approved = post("/v1/partner-applications/" + id + "/approve", operatorToken(), approval());
		assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
		assertThat(approved.text("state")).isEqualTo("APPROVED");
		String account = approved.text("accountId");
		assertThat(approved.text("publicId")).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}");
		assertThat(post("/v1/partner-applications/" + id + "/approve", operatorToken(), approval()).text("code"))
			.isEqualTo("APPLICATION_DECIDED");

		Response shown = get("/v1/accounts/" + account, operatorToken());
		assertThat(shown.text("publicId")).isEqualTo(approved.text("publicId"));
		assertThat(shown.body().get("contract").get("supplyDiscountPercent").asString()).isEqualTo("17.5");
		assertThat(shown.body().get("contract").get("currencyCode").asString()).isEqualTo("USD");
		assertThat(this.jdbc.sql("select currency_code from billing_account where account_id = :a")
			.param("a", account)
			.query(String.class)
			.list()).containsExactly("USD");
		assertThat(outboxTypes(account)).contains("partner.approved");
		assertThat(awaitMail(member.get("email"), "approved").text()).contains(account);
		assertThat(awaitMail("contact-" + member.get("email"), "approved").text()).contains("승인");

		String admin = memberToken(member.get("loginId"));
		Response credential = post("/v1/accounts/" + account + "/credentials", admin, Map.of());
		assertThat(credential.status()).as(credential.raw()).isEqualTo(201);
		Response token = tokenRequest(credential.text("clientId"), credential.text("clientSecret"),
				Map.of("grant_type", "client_credentials"));
		assertThat(token.status()).isEqualTo(200);
		assertThat(get("/v1/accounts/" + account, token.text("access_token")).status()).isEqualTo(200);
		// the API client acts for the account but does not mint, list or revoke
		// credentials
		String client = token.text("access_token");
		String credentials = "/v1/accounts/" + account + "/credentials";
		for (Response refused : List.of(post(credentials, client, Map.of()), get(credentials, client),
				delete(credentials + "/" + credential.text("clientId"), client))) {
			assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
			assertThat(refused.text("code")).isEqualTo("PARTNER_MEMBER_REQUIRED");
		}
		assertThat(get(credentials, admin).body().get("credentials")).hasSize(1);

		JsonNode audit = get("/v1/audit-log?target=partnerApplications/" + id, operatorToken()).body().get("entries");
		assertThat(audit.valueStream().map((e) -> e.get("action").asString()))
			.containsExactly("partner-application.submitted", "partner-application.approved");
		assertThat(audit.get(1).get("actor").asString()).isEqualTo(OPERATOR_ID);
		assertThat(audit.get(1).get("details").get("accountId").asString()).isEqualTo(account);
		assertThat(get("/v1/audit-log", partnerToken(account)).status()).isEqualTo(403);
	}

	@Test
	void aRejectionRecordsAndMailsTheReasonAndAllowsANewApplication() {
		Map<String, String> member = verifiedMember();
		String memberToken = memberToken(member.get("loginId"));
		String id = post("/v1/partner-applications", memberToken, application(member.get("email"))).text("id");
		assertThat(post("/v1/partner-applications/" + id + "/reject", operatorToken(), Map.of("reason", " ")).status())
			.isEqualTo(400);
		Response rejected = post("/v1/partner-applications/" + id + "/reject", operatorToken(),
				Map.of("reason", "Registration could not be confirmed"));
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.text("state")).isEqualTo("REJECTED");
		assertThat(awaitMail(member.get("email"), "not approved").text())
			.contains("Registration could not be confirmed")
			.contains("사유");
		assertThat(get("/v1/partner-applications/" + id, memberToken).text("reason"))
			.isEqualTo("Registration could not be confirmed");
		assertThat(get("/v1/partner-applications/" + id, memberToken(verifiedMember().get("loginId"))).status())
			.isEqualTo(404);
		assertThat(get("/v1/audit-log?target=partnerApplications/" + id, operatorToken()).body()
			.get("entries")
			.get(1)
			.get("details")
			.get("reason")
			.asString()).isEqualTo("Registration could not be confirmed");
		assertThat(post("/v1/partner-applications", memberToken, application(member.get("email"))).status())
			.isEqualTo(201);
	}

	@Test
	void suspensionStopsThePartnersTokensAtOnceAndReinstatementRestoresThem() {
		String account = newAccount();
		JsonNode credential = newCredential(account);
		String partner = partnerToken(account);
		String customer = post("/v1/accounts/" + account + "/customers", partner,
				Map.of("userId", "susp_user", "displayName", "S"))
			.text("id");
		assertThat(post("/v1/accounts/" + account + "/suspend", partner, Map.of()).status()).isEqualTo(403);

		Response suspended = post("/v1/accounts/" + account + "/suspend", operatorToken(),
				Map.of("reason", "unpaid invoices"));
		assertThat(suspended.status()).as(suspended.raw()).isEqualTo(200);
		assertThat(suspended.text("state")).isEqualTo("SUSPENDED");
		assertThat(post("/v1/accounts/" + account + "/suspend", operatorToken(), null).text("code"))
			.isEqualTo("ACCOUNT_ALREADY_SUSPENDED");

		Response blocked = get("/v1/accounts/" + account, partner);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.text("code")).isEqualTo("PARTNER_SUSPENDED");
		assertThat(tokenRequest(credential.get("clientId").asString(), credential.get("clientSecret").asString(),
				Map.of("grant_type", "client_credentials"))
			.text("error")).isEqualTo("invalid_client");
		Response console = post("/v1/accounts/" + account + "/customers/" + customer + "/console-tokens",
				operatorToken(), null);
		assertThat(console.status()).isEqualTo(403);
		assertThat(console.text("code")).isEqualTo("PARTNER_SUSPENDED");
		assertThat(get("/v1/accounts/" + account, operatorToken()).text("state")).isEqualTo("SUSPENDED");
		assertThat(get("/v1/accounts?state=SUSPENDED&pageSize=500", operatorToken()).body()
			.get("accounts")
			.valueStream()
			.map((a) -> a.get("id").asString())).contains(account);

		Response reinstated = post("/v1/accounts/" + account + "/reinstate", operatorToken(), Map.of());
		assertThat(reinstated.text("state")).isEqualTo("ACTIVE");
		assertThat(get("/v1/accounts/" + account, partner).status()).isEqualTo(200);
		assertThat(outboxTypes(account)).containsSubsequence("partner.approved", "partner.suspended",
				"partner.reinstated");
		String payload = this.jdbc
			.sql("select payload from platform_outbox where record_key = :k and payload like '%partner.suspended%'")
			.param("k", "accounts/" + account)
			.query(String.class)
			.single();
		JsonNode event = this.json.readTree(payload);
		assertThat(event.get("data").get("accountId").asString()).isEqualTo(account);
		assertThat(event.get("data").get("state").asString()).isEqualTo("SUSPENDED");
		assertThat(get("/v1/audit-log?target=accounts/" + account, operatorToken()).body()
			.get("entries")
			.valueStream()
			.map((e) -> e.get("action").asString())).containsExactly("partner.suspended", "partner.reinstated");
	}

	@Test
	void anOperatorsContractChangeIsPublishedAndAudited() {
		String account = newAccount();
		Response changed = patch("/v1/accounts/" + account, operatorToken(),
				Map.of("contract", Map.of("reference", "C-2", "supplyDiscountPercent", "25")));
		assertThat(changed.status()).isEqualTo(200);
		String payload = this.jdbc.sql(
				"select payload from platform_outbox where record_key = :k and payload like '%partner.contract.changed%'")
			.param("k", "accounts/" + account)
			.query(String.class)
			.single();
		JsonNode data = this.json.readTree(payload).get("data");
		assertThat(data.get("contract").get("supplyDiscountPercent").asString()).isEqualTo("25");
		assertThat(data.get("contract").get("reference").asString()).isEqualTo("C-2");
		assertThat(data.get("effectiveTime").asString()).isNotBlank();
		patch("/v1/accounts/" + account, partnerToken(account), Map.of("consoleSessionTtlMinutes", 45));
		assertThat(outboxTypes(account).stream().filter("partner.contract.changed"::equals)).hasSize(1);
	}

	@Test
	void partnerEventsIsKeptForever() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.kafka))) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "partner-events");
			await().untilAsserted(() -> assertThat(
					admin.describeConfigs(Set.of(topic)).all().get().get(topic).get("retention.ms").value())
				.isEqualTo("-1"));
		}
	}

	private static Map<String, Object> approval() {
		return Map.of("contract",
				Map.of("reference", "CT-2026-0042", "supplyDiscountPercent", "17.50", "currencyCode", "USD"));
	}

	private java.util.List<String> outboxTypes(String account) {
		return this.jdbc.sql("select payload from platform_outbox where record_key = :k order by id")
			.param("k", "accounts/" + account)
			.query(String.class)
			.list()
			.stream()
			.map((p) -> this.json.readTree(p).get("type").asString())
			.toList();
	}

}
