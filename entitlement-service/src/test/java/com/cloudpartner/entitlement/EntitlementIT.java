package com.cloudpartner.entitlement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EntitlementIT extends IntegrationTestSupport {

	private String account;

	private String customer;

	private String partner;

	@BeforeEach
	void approvePartnerWithACustomer() throws Exception {
		this.account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		this.customer = UUID.randomUUID().toString();
		this.partner = TestTokens.partner(this.account);
		ObjectNode approved = example("partner.approved");
		approved.put("id", UUID.randomUUID().toString());
		ObjectNode data = (ObjectNode) approved.get("data");
		data.put("accountId", this.account);
		ObjectNode krw = (ObjectNode) data.get("billingAccounts").get(0);
		krw.put("name", "accounts/" + this.account + "/billingAccounts/demo-krw");
		ObjectNode usd = krw.deepCopy();
		usd.put("name", "accounts/" + this.account + "/billingAccounts/usd");
		usd.put("id", "usd");
		usd.put("currencyCode", "USD");
		usd.put("regionCode", "US");
		data.withArray("billingAccounts").add(usd);
		produce("partner-events", "accounts/" + this.account, approved.toString());
		ObjectNode created = example("customer.created");
		created.put("id", UUID.randomUUID().toString());
		((ObjectNode) created.get("data")).put("accountId", this.account).put("customerId", this.customer);
		produce("partner-events", "accounts/" + this.account, created.toString());
		produce("partner-events", "accounts/" + this.account, created.toString());

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Response list = get("/v1/accounts/" + this.account + "/billing-accounts", this.partner);
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.body().get("billingAccounts").findValuesAsString("currencyCode"))
				.containsExactlyInAnyOrder("KRW", "USD");
		});
		Response list = get("/v1/accounts/" + this.account + "/billing-accounts", this.partner);
		assertThat(list.text("/billingAccounts/0/name"))
			.isEqualTo("accounts/" + this.account + "/billingAccounts/demo-krw");
		assertThat(list.text("/billingAccounts/0/regionCode")).isEqualTo("KR");
		assertThat(get("/v1/accounts/" + this.account + "/billing-accounts", TestTokens.partner("other")).status())
			.isEqualTo(403);
	}

	@Test
	void createsAnEntitlementAsADoneOperationAndPublishesIt() {
		Response created = post(entitlements(), this.partner, order("offers/office-standard-flex", "demo-krw", 5));
		assertThat(created.status()).isEqualTo(202);
		assertThat(created.body().get("done").asBoolean()).isTrue();
		assertThat(created.text("/metadata/type")).isEqualTo("CREATE_ENTITLEMENT");
		String name = created.text("/response/name");
		assertThat(name).startsWith("accounts/" + this.account + "/customers/" + this.customer + "/entitlements/");
		assertThat(created.text("/metadata/target")).isEqualTo(name);
		assertThat(created.text("/response/state")).isEqualTo("ACTIVE");
		assertThat(created.text("/response/sku")).isEqualTo("products/office-suite/skus/standard");
		assertThat(created.body().at("/response/parameters/0/value").asInt()).isEqualTo(5);
		assertThat(created.text("/response/purchaseOrderId")).isEqualTo("PO-1");

		Response operation = get("/v1/" + created.text("/name"), this.partner);
		assertThat(operation.status()).isEqualTo(200);
		assertThat(operation.body()).isEqualTo(created.body());
		assertThat(get("/v1/" + created.text("/name"), TestTokens.operator()).status()).isEqualTo(200);
		Response foreign = get("/v1/" + created.text("/name"), TestTokens.partner("other"));
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.text("/code")).isEqualTo("OPERATION_NOT_FOUND");

		ConsumerRecord<String, String> record = consume("entitlement-events", name,
				(e) -> e.get("type").asString().equals("entitlement.created"));
		JsonNode data = this.json.readTree(record.value()).get("data");
		assertThat(data.get("entitlementId").asString()).isEqualTo(name.substring(name.lastIndexOf('/') + 1));
		assertThat(data.get("billingAccount").asString())
			.isEqualTo("accounts/" + this.account + "/billingAccounts/demo-krw");
		assertThat(data.get("offer").asString()).isEqualTo("offers/office-standard-flex");

		Response one = get("/v1/" + name, TestTokens.console(this.account, this.customer));
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.body()).isEqualTo(created.body().get("response"));
		Response mine = get(entitlements(), TestTokens.console(this.account, this.customer));
		assertThat(mine.body().get("entitlements")).hasSize(1);
		assertThat(mine.text("/entitlements/0/name")).isEqualTo(name);
		assertThat(mine.text("/nextPageToken")).isEmpty();
		Response otherCustomer = get(entitlements(), TestTokens.console(this.account, "someone-else"));
		assertThat(otherCustomer.status()).isEqualTo(403);
		assertThat(otherCustomer.text("/code")).isEqualTo("CUSTOMER_FORBIDDEN");
		assertThat(get(entitlements(), TestTokens.partner("other")).status()).isEqualTo(403);
		assertThat(
				post(entitlements(), TestTokens.partner("other"), order("offers/office-standard-flex", "demo-krw", 1))
					.status())
			.isEqualTo(403);
	}

	@Test
	void looksUpWhichNamedEntitlementsOfTheAccountExistForItsUsageReporter() {
		String name = post(entitlements(), this.partner, order("offers/internet-egress-payg", "demo-krw", 1))
			.text("/response/name");
		String id = name.substring(name.lastIndexOf('/') + 1);
		String lookup = "/v1/accounts/" + this.account + "/lookup-entitlements";
		Map<String, Object> asked = Map.of("entitlements",
				List.of(Map.of("customerId", this.customer, "entitlementId", id),
						Map.of("customerId", "someone-else", "entitlementId", id),
						Map.of("customerId", this.customer, "entitlementId", "no-such-entitlement")));

		for (String token : List.of(TestTokens.usageWriter(this.account), this.partner, TestTokens.operator())) {
			Response found = post(lookup, token, asked);
			assertThat(found.status()).isEqualTo(200);
			assertThat(found.body().get("entitlements")).hasSize(1);
			assertThat(found.text("/entitlements/0/customerId")).isEqualTo(this.customer);
			assertThat(found.text("/entitlements/0/entitlementId")).isEqualTo(id);
		}
		// another account's entitlements are not there for it, and nobody else may ask
		Response elsewhere = post("/v1/accounts/other-" + this.account + "/lookup-entitlements", TestTokens.operator(),
				asked);
		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.body().get("entitlements")).isEmpty();
		assertProblem(post(lookup, TestTokens.usageWriter("other"), asked), 403, "ACCOUNT_FORBIDDEN");
		assertProblem(post(lookup, TestTokens.console(this.account, this.customer), asked), 403, "ACCOUNT_FORBIDDEN");
		assertProblem(post(lookup, this.partner, Map.of("entitlements", List.of(Map.of("customerId", "")))), 400,
				"VALIDATION_FAILED");
		assertThat(get("/v3/api-docs", null).body().get("paths").has("/v1/accounts/{accountId}/lookup-entitlements"))
			.as("an internal call, not part of the public contract")
			.isFalse();
	}

	@Test
	void refusesPurchasesThatCannotBeHonoured() {
		assertProblem(post(entitlements(), this.partner, order("offers/no-such-offer", "demo-krw", 1)), 404,
				"OFFER_NOT_FOUND");
		assertProblem(post(entitlements(), this.partner, order("offers/office-standard-flex", "usd", 1)), 409,
				"CURRENCY_MISMATCH");
		assertProblem(post(entitlements(), this.partner, order("offers/office-standard-flex", "nope", 1)), 404,
				"BILLING_ACCOUNT_NOT_FOUND");
		Map<String, Object> foreignBilling = Map.of("offer", "offers/internet-egress-payg", "billingAccount",
				"accounts/demo-account/billingAccounts/demo-krw");
		assertProblem(post(entitlements(), this.partner, foreignBilling), 404, "BILLING_ACCOUNT_NOT_FOUND");
		Response noSeats = post(entitlements(), this.partner,
				Map.of("offer", "offers/office-standard-annual", "billingAccount", billing("demo-krw")));
		assertProblem(noSeats, 400, "VALIDATION_FAILED");
		assertThat(noSeats.text("/errors/0/field")).isEqualTo("parameters");
		assertProblem(post(entitlements(), this.partner, order("offers/office-standard-flex", "demo-krw", 0)), 400,
				"VALIDATION_FAILED");
		assertProblem(post(entitlements(), this.partner, "{\"offer\": 12"), 400, "MALFORMED_REQUEST");
		assertProblem(post("/v1/accounts/" + this.account + "/customers/unknown-customer/entitlements", this.partner,
				order("offers/internet-egress-payg", "demo-krw", 1)), 404, "CUSTOMER_NOT_FOUND");
		assertProblem(post("/v1/accounts/" + this.account + "/customers/broken-customer/entitlements", this.partner,
				order("offers/internet-egress-payg", "demo-krw", 1)), 503, "SERVICE_UNAVAILABLE");
		Response remote = post("/v1/accounts/" + this.account + "/customers/remote-customer/entitlements", this.partner,
				order("offers/internet-egress-payg", "demo-krw", 1));
		assertThat(remote.status()).isEqualTo(202);
	}

	@Test
	void replaysAnIdempotentRequestAndRefusesAReusedKey() {
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Object body = order("offers/server-basic-2vcpu-4gb-monthly", "demo-krw", 1);
		Response first = call(HttpMethod.POST, entitlements(), this.partner, body, key);
		Response again = call(HttpMethod.POST, entitlements(), this.partner, body, key);
		assertThat(first.status()).isEqualTo(202);
		assertThat(again.status()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(get(entitlements(), this.partner).body().get("entitlements")).hasSize(1);
		Response reused = call(HttpMethod.POST, entitlements(), this.partner,
				order("offers/server-basic-2vcpu-4gb-monthly", "demo-krw", 2), key);
		assertProblem(reused, 422, "IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void cancelsOnceAndPublishesTheCancellation() {
		String name = post(entitlements(), this.partner, order("offers/ssd-100gb-monthly", "demo-krw", 1))
			.text("/response/name");
		Response cancelled = post("/v1/" + name + "/cancel", this.partner, null);
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.text("/metadata/type")).isEqualTo("CANCEL_ENTITLEMENT");
		assertThat(cancelled.text("/response/state")).isEqualTo("CANCELLED");
		assertThat(get("/v1/" + name, this.partner).text("/state")).isEqualTo("CANCELLED");
		assertProblem(post("/v1/" + name + "/cancel", this.partner, null), 409, "ENTITLEMENT_ALREADY_CANCELLED");
		assertProblem(post(entitlements() + "/nope/cancel", this.partner, null), 404, "ENTITLEMENT_NOT_FOUND");
		assertThat(post("/v1/" + name + "/cancel", TestTokens.console(this.account, this.customer), null).status())
			.isEqualTo(403);
		consume("entitlement-events", name, (e) -> e.get("type").asString().equals("entitlement.cancelled")
				&& e.at("/data/state").asString().equals("CANCELLED"));
	}

	@Test
	void refusesASuspendedPartner() throws Exception {
		ObjectNode suspended = example("partner.suspended");
		suspended.put("id", UUID.randomUUID().toString());
		((ObjectNode) suspended.get("data")).put("accountId", this.account);
		produce("partner-events", "accounts/" + this.account, suspended.toString());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertProblem(
					post(entitlements(), this.partner, order("offers/internet-egress-payg", "demo-krw", 1)), 403,
					"PARTNER_SUSPENDED"));
	}

	private String entitlements() {
		return "/v1/accounts/" + this.account + "/customers/" + this.customer + "/entitlements";
	}

	private String billing(String id) {
		return "accounts/" + this.account + "/billingAccounts/" + id;
	}

	private Map<String, Object> order(String offer, String billingAccount, int maxUnits) {
		return Map.of("offer", offer, "billingAccount", billing(billingAccount), "purchaseOrderId", "PO-1",
				"parameters", List.of(Map.of("name", "maxUnits", "value", maxUnits)));
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(response.text("/code")).isEqualTo(code);
	}

}
