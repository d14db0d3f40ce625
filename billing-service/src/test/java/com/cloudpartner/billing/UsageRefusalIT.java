package com.cloudpartner.billing;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import static com.cloudpartner.billing.BillingClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Usage that could not be charged is refused in the response with a stable reason, never
 * acknowledged and left out of the bill (decision 0054); usage that reached billing by
 * another way than the API and cannot be priced is shown as unrated and priced once a
 * price covers it.
 */
class UsageRefusalIT extends TimeTravelTest {

	@Test
	void refusesUsageFromBeforeItsOffersFirstPrice() {
		String sku = this.sku + "-new";
		ObjectNode offer = BillingClient.offer("offers/" + sku.replace('/', '-'), sku, "45", "30000",
				"2025-11-10T00:20:00Z");
		BillingClient.produce("entitlement-events", offer.get("subject").asString(), offer.toString());
		awaitPrice(sku);
		ObjectNode lastMonth = usage("c1", "srv-1", sku, "2025-10-20T00:00:00Z", "2025-10-20T01:00:00Z");
		ObjectNode before = usage("c1", "srv-1", sku, "2025-11-09T22:00:00Z", "2025-11-09T23:00:00Z");
		ObjectNode hourOfThePrice = usage("c1", "srv-1", sku, "2025-11-10T00:00:00Z", "2025-11-10T01:00:00Z");

		BillingClient.Response response = post(lastMonth, before, hourOfThePrice);

		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(1);
		assertThat(reasons(response)).containsExactlyInAnyOrder(lastMonth.get("id").asString() + " NO_PRICE_IN_EFFECT",
				before.get("id").asString() + " NO_PRICE_IN_EFFECT");
		assertThat(response.text("/rejected/0/reason")).contains(sku).contains("vm-hours");
		awaitRecorded(1);
		assertThat(monthToDate("2025-11").at("/costAtList/amount").asString()).isEqualTo("45");
	}

	@Test
	void refusesUsageOfAnEntitlementAfterItWasCancelled() {
		entitlementEvent("entitlement.created", "ACTIVE", "2025-01-01T00:00:00Z");
		entitlementEvent("entitlement.cancelled", "CANCELLED", "2025-11-10T05:30:00Z");
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from entitlement_version where account_id = :a")
				.param("a", this.account)
				.query(Integer.class)
				.single() == 2);
		ObjectNode before = usage("c1", "srv-1", this.sku, "2025-11-10T04:00:00Z", "2025-11-10T05:00:00Z");
		ObjectNode hourOfTheCancel = usage("c1", "srv-1", this.sku, "2025-11-10T05:00:00Z", "2025-11-10T06:00:00Z");
		ObjectNode after = usage("c1", "srv-1", this.sku, "2025-11-10T06:00:00Z", "2025-11-10T07:00:00Z");

		BillingClient.Response response = post(before, hourOfTheCancel, after);

		assertThat(response.body().get("accepted").asInt()).as(response.raw()).isEqualTo(2);
		assertThat(reasons(response)).containsExactly(after.get("id").asString() + " ENTITLEMENT_NOT_ACTIVE_AT_WINDOW");
	}

	@Test
	void refusesUsageOfAnAccountBillingKnowsNoContractOf() {
		String stranger = "stranger-" + this.account;
		ObjectNode hour = usage(stranger, "c1", "srv-1", this.sku, "2025-11-10T04:00:00Z", "2025-11-10T05:00:00Z");
		BillingClient.Response response = this.client.post("/v1/usage-events", TestTokens.usageWriter(stranger),
				JSON.createArrayNode().add(hour).toString());

		assertThat(response.status()).isEqualTo(202);
		assertThat(reasons(response)).containsExactly(hour.get("id").asString() + " ACCOUNT_NOT_BILLABLE");
	}

	@Test
	void showsUsageThatBypassedTheApiAsUnratedUntilAPriceCoversIt() {
		String sku = this.sku + "-unpriced";
		ObjectNode hours = usage("c1", "srv-1", sku, "2025-11-03T01:00:00Z", "2025-11-03T04:00:00Z");
		// the platform's own metering writes to the topic, not through the API
		BillingClient.produce("usage-events", hours.get("subject").asString(), hours.toString());
		awaitRecorded(1);

		JsonNode charges = monthToDate("2025-11");
		assertThat(charges.at("/costAtList/amount").asString()).isEqualTo("0");
		assertThat(charges.get("unrated")).hasSize(1);
		assertThat(charges.at("/unrated/0/sku").asString()).isEqualTo(sku);
		assertThat(charges.at("/unrated/0/quantity").asString()).isEqualTo("3");
		assertThat(charges.at("/unrated/0/reason").asString()).isEqualTo("NO_PRICE_IN_EFFECT");
		BillingClient.Response customer = this.client.get(
				"/v1/accounts/" + this.account + "/customers/c1/billing/current-month?month=2025-11",
				TestTokens.console(this.account, "c1"));
		assertThat(customer.body().get("unrated")).hasSize(1);

		publishOffer(sku, "45", "30000");
		JsonNode priced = monthToDate("2025-11");
		assertThat(priced.at("/costAtList/amount").asString()).isEqualTo("135");
		assertThat(priced.get("unrated")).isEmpty();
	}

	private void entitlementEvent(String type, String state, String at) {
		ObjectNode event = BillingClient.example("entitlement.changed");
		String name = "accounts/" + this.account + "/customers/c1/entitlements/e1-" + this.account;
		event.put("type", type).put("subject", name).put("time", at);
		((ObjectNode) event.get("data")).put("name", name)
			.put("accountId", this.account)
			.put("customerId", "c1")
			.put("entitlementId", "e1-" + this.account)
			.put("offer", "offers/" + this.sku.replace('/', '-'))
			.put("sku", this.sku)
			.put("state", state)
			.put("updateTime", at);
		BillingClient.produce("entitlement-events", name, event.toString());
	}

	@Override
	ObjectNode usage(String customer, String resource, String sku, String from, String to) {
		ObjectNode event = super.usage(customer, resource, sku, from, to);
		((ObjectNode) event.get("data")).put("entitlementId", "e1-" + this.account);
		return event;
	}

	private BillingClient.Response post(ObjectNode... events) {
		BillingClient.Response response = this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
				JSON.createArrayNode().addAll(List.of(events)).toString());
		assertThat(response.status()).as(response.raw()).isEqualTo(202);
		return response;
	}

	private static List<String> reasons(BillingClient.Response response) {
		List<String> reasons = new java.util.ArrayList<>();
		response.body()
			.get("rejected")
			.forEach((r) -> reasons.add(r.get("id").asString() + " "
					+ r.get("reason").asString().substring(0, r.get("reason").asString().indexOf(':'))));
		return reasons;
	}

	private void awaitPrice(String sku) {
		await().atMost(PATIENCE)
			.until(() -> this.jdbc.sql("select count(*) from price_book_entry where sku = :sku")
				.param("sku", sku)
				.query(Integer.class)
				.single() > 0);
	}

	private void awaitRecorded(int count) {
		await().atMost(PATIENCE).until(() -> BillingClient.recordedEvents(this.jdbc, this.account) == count);
	}

	private JsonNode monthToDate(String month) {
		BillingClient.Response response = this.client.get(
				"/v1/accounts/" + this.account + "/billing/current-month?month=" + month,
				TestTokens.partner(this.account));
		assertThat(response.status()).as(response.raw()).isEqualTo(200);
		return response.body();
	}

}
