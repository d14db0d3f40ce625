package com.cloudpartner.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage naming an entitlement billing has not heard of (its {@code entitlement.created}
 * may be on the way) is confirmed at entitlement-service, its owner (decision 0073): in
 * one call per batch for the unknown entitlements only, remembered briefly; an
 * entitlement that does not exist, or not under the event's account and customer, is
 * refused per event with {@code ENTITLEMENT_NOT_FOUND}; when entitlement-service cannot
 * answer, the whole batch is a 503 and nothing of it is accepted.
 */
class UsageOfUnknownEntitlementsIT extends TimeTravelTest {

	private static final String FROM = "2025-11-03T01:00:00Z";

	private static final String TO = "2025-11-03T02:00:00Z";

	@Test
	void acceptsUsageOfRealEntitlementsNotHeardOfYetAskingOncePerBatch() {
		String first = "new-" + UUID.randomUUID();
		String second = "new-" + UUID.randomUUID();
		EntitlementServiceStub.entitlement(this.account, "c1", first);

		BillingClient.Response response = post(TestTokens.usageWriter(this.account), of("c1", first, "srv-1"),
				of("c1", first, "srv-2"), of("c2", second, "srv-3"));

		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(3);
		assertThat(response.body().get("rejected")).isEmpty();
		List<EntitlementServiceStub.Request> asked = EntitlementServiceStub.requestsOf(this.account);
		assertThat(asked).hasSize(1);
		assertThat(pairs(asked.get(0))).containsExactlyInAnyOrder("c1/" + first, "c2/" + second);

		// confirmed lately: the next batch does not ask again
		BillingClient.Response again = post(TestTokens.usageWriter(this.account), of("c1", first, "srv-4"));
		assertThat(again.body().get("accepted").asInt()).as(again.raw()).isEqualTo(1);
		assertThat(EntitlementServiceStub.requestsOf(this.account)).hasSize(1);
	}

	@Test
	void asksNothingWhenBillingKnowsEveryEntitlement() {
		String known = "known-" + UUID.randomUUID();
		ObjectNode entitlement = BillingClient.example("entitlement.created");
		entitlement.put("subject", "accounts/" + this.account + "/customers/c1/entitlements/" + known);
		((ObjectNode) entitlement.get("data")).put("accountId", this.account)
			.put("customerId", "c1")
			.put("entitlementId", known);
		BillingClient.produce("entitlement-events", entitlement.get("subject").asString(), entitlement.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from entitlement_version where entitlement_id = :e")
				.param("e", known)
				.query(Integer.class)
				.single() > 0);

		BillingClient.Response response = post(TestTokens.usageWriter(this.account), of("c1", known, "srv-1"),
				of("c2", known, "srv-2"));

		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(1);
		assertThat(reasons(response)).containsExactly("ENTITLEMENT_NOT_FOUND");
		assertThat(EntitlementServiceStub.requestsOf(this.account)).isEmpty();
	}

	@Test
	void refusesAnEntitlementThatDoesNotExistOrIsAnotherCustomersOrPartners() {
		String ofC1 = "new-" + UUID.randomUUID();
		EntitlementServiceStub.entitlement(this.account, "c1", ofC1);
		String other = "tt-b-" + UUID.randomUUID().toString().substring(0, 8);
		approve(other);
		String real = "new-" + UUID.randomUUID();

		BillingClient.Response response = post(TestTokens.usageWriter(this.account),
				of("c1", "missing-" + UUID.randomUUID(), "srv-1"), of("c2", ofC1, "srv-2"), of("c1", ofC1, "srv-3"),
				of("c1", real, "srv-4"));

		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(2);
		assertThat(reasons(response)).containsExactly("ENTITLEMENT_NOT_FOUND", "ENTITLEMENT_NOT_FOUND");
		assertThat(response.text("/rejected/1/reason"))
			.contains("accounts/" + this.account + "/customers/c2/entitlements/" + ofC1);
		assertThat(EntitlementServiceStub.requestsOf(this.account)).hasSize(1);

		// another partner's token naming the entitlement of this one for its own customer
		ObjectNode foreign = usage(other, "c1", "srv-9", this.sku, FROM, TO);
		((ObjectNode) foreign.get("data")).put("entitlementId", ofC1);
		BillingClient.Response refused = post(TestTokens.usageWriter(other), foreign);
		assertThat(refused.body().get("accepted").asInt()).as(refused.raw()).isZero();
		assertThat(reasons(refused)).containsExactly("ENTITLEMENT_NOT_FOUND");
		assertThat(EntitlementServiceStub.requestsOf(other)).hasSize(1);
	}

	@Test
	void refusesTheWholeBatchWith503WhenEntitlementServiceCannotAnswer() {
		ObjectNode good = of("c1", "new-" + UUID.randomUUID(), "srv-1");
		ObjectNode unconfirmable = of("c1", "broken-" + UUID.randomUUID(), "srv-2");

		BillingClient.Response unavailable = post(TestTokens.usageWriter(this.account), good, unconfirmable);

		assertThat(unavailable.status()).as(unavailable.raw()).isEqualTo(503);
		assertThat(unavailable.contentType()).startsWith("application/problem+json");
		assertThat(unavailable.text("/code")).isEqualTo("SERVICE_UNAVAILABLE");
		// nothing of it was accepted: the retried batch's good event is new, not a
		// duplicate
		BillingClient.Response retried = post(TestTokens.usageWriter(this.account), good);
		assertThat(retried.body().get("accepted").asInt()).as(retried.raw()).isEqualTo(1);
		assertThat(retried.body().get("duplicates").asInt()).isZero();
	}

	private ObjectNode of(String customer, String entitlementId, String resource) {
		ObjectNode event = usage(customer, resource, this.sku, FROM, TO);
		((ObjectNode) event.get("data")).put("entitlementId", entitlementId);
		return event;
	}

	private BillingClient.Response post(String token, ObjectNode... events) {
		ArrayNode batch = JSON.createArrayNode();
		for (ObjectNode event : events) {
			batch.add(event);
		}
		return this.client.post("/v1/usage-events", token, batch.toString());
	}

	private static List<String> reasons(BillingClient.Response response) {
		List<String> codes = new ArrayList<>();
		for (JsonNode rejected : response.body().get("rejected")) {
			String reason = rejected.get("reason").asString();
			codes.add(reason.substring(0, reason.indexOf(':')));
		}
		return codes;
	}

	private static List<String> pairs(EntitlementServiceStub.Request request) {
		List<String> pairs = new ArrayList<>();
		for (JsonNode pair : request.entitlements()) {
			pairs.add(pair.get("customerId").asString() + "/" + pair.get("entitlementId").asString());
		}
		return pairs;
	}

}
