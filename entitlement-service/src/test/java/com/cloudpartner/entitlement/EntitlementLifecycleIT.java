package com.cloudpartner.entitlement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.entitlement.entitlement.EntitlementTerms;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Changes to an entitlement after its purchase: each answers a done operation, is
 * idempotent by key, lands in the change history and on entitlement-events, and is
 * refused to anyone but the account's partner. Trials and commitment terms move with the
 * clock.
 */
class EntitlementLifecycleIT extends IntegrationTestSupport {

	@Autowired
	EntitlementTerms terms;

	@Autowired
	JdbcClient jdbc;

	private String account;

	private String customer;

	private String partner;

	@BeforeEach
	void partnerWithACustomer() throws Exception {
		this.account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		this.customer = UUID.randomUUID().toString();
		this.partner = TestTokens.partner(this.account);
		approvePartner(this.account, "PUB-" + this.account, this.customer);
	}

	@Test
	void changesSuspendsActivatesAndCancelsWithHistoryEventsAndReplays() {
		String name = buy("offers/office-standard-flex", 5);
		String other = TestTokens.partner("other");

		Response params = mutate(name, "change-parameters", this.partner, Map.of("parameters",
				List.of(Map.of("name", "maxUnits", "value", 8), Map.of("name", "assignedUnits", "value", 6))));
		assertThat(params.status()).isEqualTo(202);
		assertThat(params.text("/metadata/type")).isEqualTo("CHANGE_PARAMETERS");
		assertThat(params.body().at("/response/parameters/0/value").asInt()).isEqualTo(8);
		assertProblem(
				post("/v1/" + name + "/change-parameters", this.partner,
						Map.of("parameters", List.of(Map.of("name", "maxUnits", "value", 5)))),
				409, "MAX_UNITS_BELOW_ASSIGNED");

		Response upgraded = mutate(name, "change-offer", this.partner, Map.of("offer", "offers/office-premium-flex"));
		assertThat(upgraded.text("/response/sku")).isEqualTo("products/office-suite/skus/premium");
		assertThat(upgraded.body().at("/response/parameters/0/value").asInt()).isEqualTo(8);
		assertProblem(post("/v1/" + name + "/change-offer", this.partner, Map.of("offer", "offers/iaas-payg")), 409,
				"CHANGE_NOT_ALLOWED");

		Response suspended = mutate(name, "suspend", this.partner, null);
		assertThat(suspended.text("/response/state")).isEqualTo("SUSPENDED");
		assertThat(suspended.body().at("/response/suspensionReasons").get(0).asString())
			.isEqualTo("RESELLER_INITIATED");
		assertProblem(post("/v1/" + name + "/suspend", this.partner, null), 409, "ENTITLEMENT_ALREADY_SUSPENDED");
		assertProblem(post("/v1/" + name + "/suspend", this.partner, Map.of("reason", "OTHER")), 403, "OPERATOR_ONLY");
		consume("entitlement-events", name, (e) -> e.get("type").asString().equals("entitlement.suspended"));

		Response activated = mutate(name, "activate", this.partner, null);
		assertThat(activated.text("/response/state")).isEqualTo("ACTIVE");
		assertProblem(post("/v1/" + name + "/activate", this.partner, null), 409, "NOT_SUSPENDED_BY_RESELLER");

		Response cancelled = mutate(name, "cancel", this.partner, null);
		assertThat(cancelled.text("/response/state")).isEqualTo("CANCELLED");
		consume("entitlement-events", name, (e) -> e.get("type").asString().equals("entitlement.cancelled")
				&& e.at("/data/reason").asString().equals("RESELLER_INITIATED"));

		Response history = get("/v1/" + name + "/changes", TestTokens.console(this.account, this.customer));
		assertThat(history.body().get("changes").findValuesAsString("changeType")).containsExactly("CREATE",
				"CHANGE_PARAMETERS", "CHANGE_OFFER", "SUSPEND", "ACTIVATE", "CANCEL");
		assertThat(history.text("/changes/1/actor")).isEqualTo("accounts/" + this.account);

		Map<String, Object> valid = Map.of("offer", "offers/office-standard-flex", "parameters",
				List.of(Map.of("name", "maxUnits", "value", 1)));
		for (String path : List.of("change-parameters", "change-offer", "suspend", "activate", "cancel")) {
			assertThat(post("/v1/" + name + "/" + path, other, valid).status()).as(path).isEqualTo(403);
			assertThat(
					post("/v1/" + name + "/" + path, TestTokens.console(this.account, this.customer), valid).status())
				.as(path)
				.isEqualTo(403);
		}
		assertThat(get("/v1/" + name + "/changes", other).status()).isEqualTo(403);
		assertThat(get("/v1/" + name + "/changes", TestTokens.console(this.account, "someone-else")).status())
			.isEqualTo(403);
	}

	@Test
	void aTrialEndsByItselfUnlessConvertedToPaid() {
		String name = buy("offers/office-standard-trial", 3);
		String converted = buy("offers/office-standard-trial", 2);
		Response trial = get("/v1/" + name, this.partner);
		assertThat(Instant.parse(trial.text("/trialEndTime")))
			.isEqualTo(Instant.parse(trial.text("/createTime")).plus(Duration.ofDays(30)));
		mutate(converted, "change-offer", this.partner, Map.of("offer", "offers/office-standard-flex"));
		try {
			this.clock.advance(Duration.ofDays(30).plusMinutes(1));
			this.terms.sweep();
			Response ended = get("/v1/" + name, partnerAt(this.account));
			assertThat(ended.text("/state")).isEqualTo("SUSPENDED");
			assertThat(ended.body().get("suspensionReasons").get(0).asString()).isEqualTo("TRIAL_ENDED");
			assertThat(get("/v1/" + converted, partnerAt(this.account)).text("/state")).isEqualTo("ACTIVE");
			assertProblem(post("/v1/" + name + "/activate", partnerAt(this.account), null), 409,
					"NOT_SUSPENDED_BY_RESELLER");
			Response paid = post("/v1/" + name + "/change-offer", partnerAt(this.account),
					Map.of("offer", "offers/office-standard-annual"));
			assertThat(paid.text("/response/state")).isEqualTo("ACTIVE");
			assertThat(paid.body().at("/response/suspensionReasons").size()).isZero();
		}
		finally {
			this.clock.reset();
		}
		consume("entitlement-events", name, (e) -> e.get("type").asString().equals("entitlement.suspended")
				&& e.at("/data/reason").asString().equals("TRIAL_ENDED"));
	}

	@Test
	void aCommitmentTermRenewsAtItsEnd() {
		String name = buy("offers/office-standard-annual", 4);
		String ending = buy("offers/office-standard-annual", 2);
		Response off = mutate(ending, "change-renewal-settings", this.partner, Map.of("enableRenewal", false));
		assertThat(off.body().at("/response/renewalEnabled").asBoolean()).isFalse();
		assertProblem(post("/v1/" + buy("offers/office-standard-flex", 1) + "/change-renewal-settings", this.partner,
				Map.of("enableRenewal", false)), 409, "NOT_A_COMMITMENT");
		Instant end = Instant.parse(get("/v1/" + name, this.partner).text("/commitmentEndTime"));
		assertThat(end).isAfter(Instant.now().plus(Duration.ofDays(364)));
		try {
			this.clock.advance(Duration.between(Instant.now(), end).plusHours(1));
			this.terms.sweep();
			Response renewed = get("/v1/" + name, partnerAt(this.account));
			assertThat(Instant.parse(renewed.text("/commitmentEndTime"))).isAfter(end.plus(Duration.ofDays(364)));
			assertThat(renewed.text("/state")).isEqualTo("ACTIVE");
			Response ended = get("/v1/" + ending, partnerAt(this.account));
			assertThat(ended.text("/state")).isEqualTo("SUSPENDED");
			assertThat(ended.text("/suspensionReasons/0")).isEqualTo("RENEWAL_WITH_TYPE_CANCEL");
		}
		finally {
			this.clock.reset();
		}
		assertThat(get("/v1/" + name + "/changes", this.partner).body().get("changes").findValuesAsString("changeType"))
			.containsExactly("CREATE", "RENEW_COMMITMENT");
	}

	@Test
	void anOverdueInvoiceSuspendsTheAccountsEntitlementsAndTheResellerCannotLiftIt() throws Exception {
		String name = buy("offers/iaas-payg", 1);
		ObjectNode overdue = example("invoice.overdue");
		overdue.put("id", UUID.randomUUID().toString());
		((ObjectNode) overdue.get("data")).put("accountId", this.account);
		produce("billing-events", "accounts/" + this.account, overdue.toString());
		produce("billing-events", "accounts/" + this.account, overdue.toString());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(get("/v1/" + name, this.partner).text("/state")).isEqualTo("SUSPENDED"));
		assertThat(get("/v1/" + name, this.partner).body().get("suspensionReasons").size()).isEqualTo(1);
		assertThat(get("/v1/" + name, this.partner).text("/suspensionReasons/0")).isEqualTo("PAYMENT_OVERDUE");
		assertProblem(post("/v1/" + name + "/activate", this.partner, null), 409, "NOT_SUSPENDED_BY_RESELLER");
	}

	@Test
	void payingEveryOverdueInvoiceReactivatesWhatOnlyPaymentOverdueSuspended() throws Exception {
		String onlyOverdue = buy("offers/iaas-payg", 1);
		String alsoByReseller = buy("offers/office-standard-flex", 2);
		assertThat(post("/v1/" + alsoByReseller + "/suspend", this.partner, null).status()).isEqualTo(202);
		invoiceEvent("invoice.overdue", "inv-1");
		invoiceEvent("invoice.overdue", "inv-2");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(reasons(alsoByReseller)).containsExactly("RESELLER_INITIATED", "PAYMENT_OVERDUE"));
		assertThat(reasons(onlyOverdue)).containsExactly("PAYMENT_OVERDUE");

		// one of two overdue invoices paid (delivered twice): still overdue
		String firstPaid = invoiceEvent("invoice.paid", "inv-1");
		produce("billing-events", "accounts/" + this.account, firstPaid);
		awaitProcessed(firstPaid);
		assertThat(get("/v1/" + onlyOverdue, this.partner).text("/state")).isEqualTo("SUSPENDED");

		invoiceEvent("invoice.paid", "inv-2");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(get("/v1/" + onlyOverdue, this.partner).text("/state")).isEqualTo("ACTIVE"));
		assertThat(reasons(onlyOverdue)).isEmpty();
		assertThat(get("/v1/" + alsoByReseller, this.partner).text("/state")).isEqualTo("SUSPENDED");
		assertThat(reasons(alsoByReseller)).containsExactly("RESELLER_INITIATED");
		assertThat(get("/v1/" + onlyOverdue + "/changes", this.partner).body()
			.get("changes")
			.findValuesAsString("changeType")).contains("SUSPEND", "ACTIVATE");
		JsonNode activated = this.json
			.readTree(consume("entitlement-events", onlyOverdue,
					(e) -> e.get("type").asString().equals("entitlement.activated"))
				.value())
			.get("data");
		assertThat(activated.get("reason").asString()).isEqualTo("PAYMENT_OVERDUE");
		assertThat(activated.get("state").asString()).isEqualTo("ACTIVE");

		// a late overdue notice of a paid invoice changes nothing
		awaitProcessed(invoiceEvent("invoice.overdue", "inv-1"));
		assertThat(get("/v1/" + onlyOverdue, this.partner).text("/state")).isEqualTo("ACTIVE");
		// the reseller may now lift its own suspension
		assertThat(post("/v1/" + alsoByReseller + "/activate", this.partner, null).status()).isEqualTo(202);
		assertThat(get("/v1/" + alsoByReseller, this.partner).text("/state")).isEqualTo("ACTIVE");
	}

	/**
	 * Publishes an invoice event of this partner as billing-service would; answers it.
	 */
	private String invoiceEvent(String type, String invoiceId) throws Exception {
		ObjectNode event = example(type);
		event.put("id", UUID.randomUUID().toString());
		((ObjectNode) event.get("data")).put("accountId", this.account).put("invoiceId", invoiceId);
		produce("billing-events", "accounts/" + this.account, event.toString());
		return event.toString();
	}

	private void awaitProcessed(String event) {
		String id = this.json.readTree(event).get("id").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from platform_processed_event where event_id = :id")
				.param("id", id)
				.query(Long.class)
				.single() == 1);
	}

	private List<String> reasons(String name) {
		List<String> reasons = new java.util.ArrayList<>();
		get("/v1/" + name, this.partner).body().get("suspensionReasons").forEach((r) -> reasons.add(r.asString()));
		return reasons;
	}

	@Test
	void listsWhatThePartnerMayBuyUpgradeAndDowngrade() {
		String base = "/v1/accounts/" + this.account + "/customers/" + this.customer;
		Response skus = get(base + "/purchasable-skus", this.partner);
		assertThat(skuNames(skus)).contains("products/iaas/skus/payg", "products/office-suite/skus/standard")
			.doesNotContain("products/nas/skus/nas-gb");
		String standard = buy("offers/office-standard-flex", 2);
		Response upgrades = get(base + "/purchasable-skus?changeType=UPGRADE&entitlement=" + standard, this.partner);
		assertThat(skuNames(upgrades)).containsExactly("products/office-suite/skus/premium");
		assertThat(get(base + "/purchasable-skus?changeType=DOWNGRADE&entitlement=" + standard, this.partner).body()
			.get("purchasableSkus")).isEmpty();
		assertProblem(get(base + "/purchasable-skus?changeType=SIDEWAYS&entitlement=" + standard, this.partner), 400,
				"VALIDATION_FAILED");

		Response groups = post(base + "/query-eligible-billing-accounts", this.partner, Map.of("skus", List
			.of("products/iaas/skus/payg", "products/office-suite/skus/standard", "products/public-ip/skus/ipv4")));
		assertThat(groups.body().get("skuPurchaseGroups")).hasSize(2);
		assertThat(groups.body().at("/skuPurchaseGroups/0/skus").size()).isEqualTo(2);
		assertThat(groups.text("/skuPurchaseGroups/0/billingAccountPurchaseInfos/0/billingAccount"))
			.isEqualTo("accounts/" + this.account + "/billingAccounts/demo-krw");
		assertThat(groups.body().at("/skuPurchaseGroups/1/billingAccountPurchaseInfos").size()).isEqualTo(1);
		assertProblem(post(base + "/query-eligible-billing-accounts", this.partner,
				Map.of("skus", List.of("products/nas/skus/nas-gb"))), 400, "VALIDATION_FAILED");

		Response offers = get(
				base + "/purchasable-offers?sku=products/office-suite/skus/standard&billingAccount=accounts/"
						+ this.account + "/billingAccounts/demo-krw",
				this.partner);
		assertThat(offers.body().get("purchasableOffers").findValuesAsString("name")).containsExactlyInAnyOrder(
				"offers/office-standard-flex", "offers/office-standard-annual", "offers/office-standard-trial");
		assertThat(get(base + "/purchasable-offers?sku=products/office-suite/skus/standard&billingAccount=accounts/"
				+ this.account + "/billingAccounts/usd", this.partner)
			.body()
			.get("purchasableOffers")).isEmpty();
		Response changes = get(base + "/purchasable-offers?entitlement=" + standard, this.partner);
		assertThat(changes.body().get("purchasableOffers").findValuesAsString("name"))
			.containsExactly("offers/office-standard-annual");

		List<String> paged = new java.util.ArrayList<>();
		String token = "";
		do {
			Response page = get(base + "/purchasable-skus?pageSize=3&pageToken=" + token, this.partner);
			assertThat(page.body().get("purchasableSkus").size()).isLessThanOrEqualTo(3);
			paged.addAll(skuNames(page));
			token = page.text("/nextPageToken");
		}
		while (!token.isEmpty());
		assertThat(paged).doesNotHaveDuplicates()
			.isSortedAccordingTo(String::compareTo)
			.containsExactlyInAnyOrderElementsOf(skuNames(get(base + "/purchasable-skus?pageSize=500", this.partner)))
			.hasSizeGreaterThan(3);
		String offersOf = base + "/purchasable-offers?sku=products/office-suite/skus/standard&billingAccount=accounts/"
				+ this.account + "/billingAccounts/demo-krw";
		Response firstOffers = get(offersOf + "&pageSize=2", this.partner);
		assertThat(firstOffers.body().get("purchasableOffers").findValuesAsString("name"))
			.containsExactly("offers/office-standard-annual", "offers/office-standard-flex");
		Response lastOffers = get(offersOf + "&pageSize=2&pageToken=" + firstOffers.text("/nextPageToken"),
				this.partner);
		assertThat(lastOffers.body().get("purchasableOffers").findValuesAsString("name"))
			.containsExactly("offers/office-standard-trial");
		assertThat(lastOffers.text("/nextPageToken")).isEmpty();
		assertProblem(get(base + "/purchasable-skus?pageToken=garbage!", this.partner), 400, "INVALID_PAGE_TOKEN");
		assertProblem(get(offersOf + "&pageToken=garbage!", this.partner), 400, "INVALID_PAGE_TOKEN");
		assertProblem(get(offersOf + "&pageSize=-1", this.partner), 400, "VALIDATION_FAILED");

		String other = TestTokens.partner("other");
		assertThat(get(base + "/purchasable-skus", other).status()).isEqualTo(403);
		assertThat(post(base + "/query-eligible-billing-accounts", other, Map.of("skus", List.of("x"))).status())
			.isEqualTo(403);
		assertThat(get(base + "/purchasable-offers?sku=products/iaas/skus/payg", other).status()).isEqualTo(403);
	}

	private static List<String> skuNames(Response response) {
		List<String> names = new java.util.ArrayList<>();
		response.body().get("purchasableSkus").forEach((s) -> names.add(s.at("/sku/name").asString()));
		return names;
	}

	private String buy(String offer, int maxUnits) {
		Response created = post("/v1/accounts/" + this.account + "/customers/" + this.customer + "/entitlements",
				this.partner,
				Map.of("offer", offer, "billingAccount", "accounts/" + this.account + "/billingAccounts/demo-krw",
						"parameters", List.of(Map.of("name", "maxUnits", "value", maxUnits))));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(202);
		return created.text("/response/name");
	}

	/**
	 * Sends the change twice with one Idempotency-Key: the replay answers the same
	 * operation.
	 */
	private Response mutate(String name, String path, String token, Object body) {
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		Response first = call(HttpMethod.POST, "/v1/" + name + "/" + path, token, body, key);
		Response again = call(HttpMethod.POST, "/v1/" + name + "/" + path, token, body, key);
		assertThat(first.status()).as(path + ": " + first.body()).isEqualTo(202);
		assertThat(again.body()).as(path).isEqualTo(first.body());
		assertThat(get("/v1/" + first.text("/name"), token).body()).isEqualTo(first.body());
		return first;
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
		assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(response.text("/code")).isEqualTo(code);
	}

}
