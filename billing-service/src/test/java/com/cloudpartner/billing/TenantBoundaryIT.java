package com.cloudpartner.billing;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * billing checks that the customer of a customer path belongs to the account before doing
 * anything (decision 0057): another partner's customer, a customer partner-service does
 * not know and a deleted customer are {@code 404 CUSTOMER_NOT_FOUND}, and nothing is
 * stored; a customer billing has not heard of yet is looked up at partner-service, and a
 * partner-service that cannot answer is a 503.
 */
class TenantBoundaryIT extends TimeTravelTest {

	private static final String CONFIG = "{\"rebillingBasis\":\"DIRECT_CUSTOMER_COST\",\"adjustmentPercent\":\"10\","
			+ "\"effectiveMonth\":\"2023-03\"}";

	@Test
	void refusesAnotherPartnersCustomerOnEveryCustomerPathAndStoresNothing() {
		String other = "tt-b-" + UUID.randomUUID().toString().substring(0, 8);
		approve(other);
		String ofA = "ca-" + UUID.randomUUID().toString().substring(0, 8);
		Projections.customers(this.jdbc, this.account, ofA);
		this.clock.setTo(java.time.Instant.parse("2023-02-15T00:00:00Z"));
		String theirs = "/v1/accounts/" + other + "/customers/" + ofA + "/";
		for (BillingClient.Response refused : List.of(
				this.client.put(theirs + "repricing-config", TestTokens.partner(other), CONFIG),
				this.client.get(theirs + "repricing-config", TestTokens.partner(other)),
				this.client.get(theirs + "billing/current-month", TestTokens.partner(other)),
				this.client.get(theirs + "billing/daily", TestTokens.partner(other)),
				this.client.get(theirs + "billing/current-month", TestTokens.operator()))) {
			assertThat(refused.status()).as(refused.raw()).isEqualTo(404);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.text("/code")).isEqualTo("CUSTOMER_NOT_FOUND");
		}
		assertThat(this.jdbc.sql("select count(*) from repricing_config where account_id = :a")
			.param("a", other)
			.query(Integer.class)
			.single()).isZero();
		// the owner's own customer works, and another partner's token is refused as
		// before
		String mine = "/v1/accounts/" + this.account + "/customers/c1/repricing-config";
		assertThat(this.client.put(mine, TestTokens.partner(this.account), CONFIG).status()).isEqualTo(200);
		BillingClient.Response foreign = this.client.get(mine, TestTokens.partner(other));
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.text("/code")).isEqualTo("ACCOUNT_FORBIDDEN");
	}

	@Test
	void looksUpACustomerNotHeardOfYetAtPartnerService() {
		String remote = "remote-" + UUID.randomUUID().toString().substring(0, 8);
		String path = "/v1/accounts/" + this.account + "/customers/" + remote + "/billing/current-month";

		assertThat(this.client.get(path, TestTokens.partner(this.account)).status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select user_id from customer where account_id = :a and customer_id = :c")
			.param("a", this.account)
			.param("c", remote)
			.query(String.class)
			.single()).isEqualTo("user-" + remote);

		BillingClient.Response broken = this.client.get(
				"/v1/accounts/" + this.account + "/customers/broken-1/billing/current-month",
				TestTokens.partner(this.account));
		assertThat(broken.status()).as(broken.raw()).isEqualTo(503);
		assertThat(broken.contentType()).startsWith("application/problem+json");
		assertThat(broken.text("/code")).isEqualTo("SERVICE_UNAVAILABLE");
	}

	@Test
	void aCustomerOfAnEntitlementIsKnownAndADeletedOneIsGone() {
		ObjectNode entitlement = BillingClient.example("entitlement.created");
		String customer = "ent-" + UUID.randomUUID().toString().substring(0, 8);
		entitlement.put("subject", "accounts/" + this.account + "/customers/" + customer + "/entitlements/e1");
		((ObjectNode) entitlement.get("data")).put("accountId", this.account)
			.put("customerId", customer)
			.put("entitlementId", "e-" + customer);
		BillingClient.produce("entitlement-events", entitlement.get("subject").asString(), entitlement.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from entitlement_version where account_id = :a")
				.param("a", this.account)
				.query(Integer.class)
				.single() > 0);
		String path = "/v1/accounts/" + this.account + "/customers/" + customer + "/billing/current-month";
		assertThat(this.client.get(path, TestTokens.partner(this.account)).status()).isEqualTo(200);

		ObjectNode deleted = BillingClient.example("customer.deleted");
		deleted.put("subject", "accounts/" + this.account + "/customers/c2");
		((ObjectNode) deleted.get("data")).put("accountId", this.account).put("customerId", "c2");
		BillingClient.produce("partner-events", "accounts/" + this.account, deleted.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql(
					"select count(*) from customer where account_id = :a and customer_id = 'c2' and deleted_at is not null")
				.param("a", this.account)
				.query(Integer.class)
				.single() == 1);
		BillingClient.Response gone = this.client.get(
				"/v1/accounts/" + this.account + "/customers/c2/billing/current-month",
				TestTokens.partner(this.account));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.text("/code")).isEqualTo("CUSTOMER_NOT_FOUND");
	}

	@Test
	void refusesUsageThatNamesAnotherPartnersCustomerEntitlementOrServer() {
		String other = "tt-b-" + UUID.randomUUID().toString().substring(0, 8);
		approve(other);
		String ofA = "ca-" + UUID.randomUUID().toString().substring(0, 8);
		String entitlementOfA = "e-" + ofA;
		Projections.customers(this.jdbc, this.account, ofA);
		ObjectNode entitlement = BillingClient.example("entitlement.created");
		entitlement.put("subject",
				"accounts/" + this.account + "/customers/" + ofA + "/entitlements/" + entitlementOfA);
		((ObjectNode) entitlement.get("data")).put("accountId", this.account)
			.put("customerId", ofA)
			.put("entitlementId", entitlementOfA);
		BillingClient.produce("entitlement-events", entitlement.get("subject").asString(), entitlement.toString());
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from entitlement_version where entitlement_id = :e")
				.param("e", entitlementOfA)
				.query(Integer.class)
				.single() > 0);

		String from = "2025-11-03T01:00:00Z";
		String to = "2025-11-03T02:00:00Z";
		ObjectNode customerOfA = usage(other, ofA, "srv-x", this.sku, from, to);
		ObjectNode entitlementOfAForMine = usage(other, "c1", "srv-y", this.sku, from, to);
		((ObjectNode) entitlementOfAForMine.get("data")).put("entitlementId", entitlementOfA);
		ObjectNode serverOfA = usage(other, "c1", "srv-z", this.sku, from, to);
		serverOfA.put("subject", "accounts/" + this.account + "/customers/" + ofA + "/servers/srv-a");
		ObjectNode mine = usage(other, "c1", "srv-mine", this.sku, from, to);
		BillingClient.Response response = this.client.post("/v1/usage-events", TestTokens.usageWriter(other),
				BillingClient.JSON.createArrayNode()
					.add(customerOfA)
					.add(entitlementOfAForMine)
					.add(serverOfA)
					.add(mine)
					.toString());

		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(1);
		List<String> reasons = new java.util.ArrayList<>();
		response.body()
			.get("rejected")
			.forEach((r) -> reasons.add(r.get("id").asString() + " "
					+ r.get("reason").asString().substring(0, r.get("reason").asString().indexOf(':'))));
		assertThat(reasons).containsExactlyInAnyOrder(customerOfA.get("id").asString() + " CUSTOMER_NOT_FOUND",
				entitlementOfAForMine.get("id").asString() + " ENTITLEMENT_NOT_FOUND",
				serverOfA.get("id").asString() + " SUBJECT_NOT_OF_CUSTOMER");
		// the owner's own usage of them is accepted
		ObjectNode owners = usage(this.account, ofA, "srv-a", this.sku, from, to);
		((ObjectNode) owners.get("data")).put("entitlementId", entitlementOfA);
		report(owners);
	}

}
