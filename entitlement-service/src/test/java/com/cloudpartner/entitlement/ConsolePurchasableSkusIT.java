package com.cloudpartner.entitlement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.http.HttpMethod;

import static com.cloudpartner.entitlement.EntitlementLifecycleIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET .../purchasable-skus} for the customer's own console (the SKUs of a new
 * purchase, the same answer its partner gets), and {@code kind}, which narrows the list
 * to the SKUs a kind of resource is created with.
 */
class ConsolePurchasableSkusIT extends IntegrationTestSupport {

	private String account;

	private String customer;

	private String base;

	@BeforeEach
	void partnerWithACustomer() throws Exception {
		this.account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		this.customer = UUID.randomUUID().toString();
		approvePartner(this.account, "PUB-" + this.account, this.customer);
		this.base = "/v1/accounts/" + this.account + "/customers/" + this.customer;
	}

	@Test
	void consoleReadsItsOwnCustomersListTheSameAsThePartner() {
		String console = TestTokens.console(this.account, this.customer);

		Response forConsole = get(this.base + "/purchasable-skus?pageSize=500", console);

		assertThat(forConsole.status()).isEqualTo(200);
		assertThat(forConsole.body())
			.isEqualTo(get(this.base + "/purchasable-skus?pageSize=500", TestTokens.partner(this.account)).body());
		assertThat(skuNames(forConsole))
			.contains("products/iaas/skus/payg", "products/server-basic/skus/basic-2vcpu-4gb")
			.doesNotContain("products/nas/skus/nas-gb");
		assertProblem(get(this.base + "/purchasable-skus?changeType=UPGRADE&entitlement=e-1", console), 403,
				"CONSOLE_FORBIDDEN");
		assertProblem(get(this.base + "/purchasable-skus?entitlement=e-1", console), 403, "CONSOLE_FORBIDDEN");
		assertProblem(get("/v1/accounts/" + this.account + "/customers/someone-else/purchasable-skus", console), 403,
				"CUSTOMER_FORBIDDEN");
		assertProblem(get(this.base + "/purchasable-skus", TestTokens.console("acct-other", this.customer)), 403,
				"CUSTOMER_FORBIDDEN");
		assertProblem(get(this.base + "/purchasable-skus", TestTokens.partner("acct-other")), 403, "ACCOUNT_FORBIDDEN");
		// the rest of the purchase flow stays the partner's
		assertThat(get(this.base + "/purchasable-offers?sku=products/iaas/skus/payg", console).status()).isEqualTo(403);
		assertThat(post(this.base + "/query-eligible-billing-accounts", console,
				Map.of("skus", List.of("products/iaas/skus/payg")))
			.status()).isEqualTo(403);
	}

	@Test
	void kindNarrowsTheListToTheSkusThatKindIsCreatedWith() {
		String unrunnable = sellableIaasSkuTheCloudCannotRun();
		String console = TestTokens.console(this.account, this.customer);

		List<String> all = skuNames(get(this.base + "/purchasable-skus?pageSize=500", console));
		List<String> servers = skuNames(get(this.base + "/purchasable-skus?kind=servers&pageSize=500", console));

		assertThat(all).contains(unrunnable);
		assertThat(servers).containsExactly("products/server-basic/skus/basic-2vcpu-4gb",
				"products/server-basic/skus/basic-4vcpu-8gb", "products/server-basic/skus/basic-8vcpu-16gb",
				"products/server-premium/skus/premium-4vcpu-16gb", "products/server-premium/skus/premium-8vcpu-32gb");
		assertThat(skuNames(get(this.base + "/purchasable-skus?kind=disks", TestTokens.partner(this.account))))
			.containsExactly("products/ssd-disk/skus/ssd-gb");
		Response first = get(this.base + "/purchasable-skus?kind=servers&pageSize=2", console);
		assertThat(skuNames(first)).hasSize(2);
		assertThat(skuNames(
				get(this.base + "/purchasable-skus?kind=servers&pageSize=2&pageToken=" + first.text("/nextPageToken"),
						console)))
			.containsExactly("products/server-basic/skus/basic-8vcpu-16gb",
					"products/server-premium/skus/premium-4vcpu-16gb");
		Response unknown = get(this.base + "/purchasable-skus?kind=firewall-rules", console);
		assertProblem(unknown, 400, "VALIDATION_FAILED");
		assertThat(unknown.text("/errors/0/field")).isEqualTo("kind");
		assertProblem(get(this.base + "/purchasable-skus?pageSize=-1", console), 400, "VALIDATION_FAILED");
		assertProblem(get(this.base + "/purchasable-skus?pageToken=garbage!", console), 400, "INVALID_PAGE_TOKEN");
	}

	@Test
	void skusNoLongerAvailableToThePartnerAreNotOffered() {
		String id = "vm-" + UUID.randomUUID().toString().substring(0, 8);
		String sku = iaasSku(id);
		assertThat(call(HttpMethod.PUT, "/v1/offers/" + id + "-hourly/availability", TestTokens.operator(),
				Map.of("mode", "NO_PARTNER"))
			.status()).isEqualTo(200);

		assertThat(skuNames(
				get(this.base + "/purchasable-skus?pageSize=500", TestTokens.console(this.account, this.customer))))
			.doesNotContain(sku);
	}

	/**
	 * An IAAS server-like SKU with an offer any partner may sell, that no kind accepts.
	 */
	private String sellableIaasSkuTheCloudCannotRun() {
		return iaasSku("vm-" + UUID.randomUUID().toString().substring(0, 8));
	}

	private String iaasSku(String id) {
		assertThat(post("/v1/products", TestTokens.operator(),
				Map.of("id", id, "displayName", "VM " + id, "family", "IAAS"))
			.status()).isEqualTo(201);
		assertThat(post("/v1/products/" + id + "/skus", TestTokens.operator(), Map.of("id", "small", "displayName",
				"Small", "meters", List.of(Map.of("meter", "vm-hours", "unit", "HOUR"))))
			.status()).isEqualTo(201);
		Response offer = post("/v1/offers", TestTokens.operator(),
				"""
						{"id": "%s-hourly", "sku": "products/%s/skus/small", "displayName": "Small VM",
						 "plan": {"paymentPlan": "FLEXIBLE", "paymentCycle": {"duration": 1, "periodType": "MONTH"}},
						 "prices": [{"meter": "vm-hours", "unit": "HOUR", "listPrice": {"currencyCode": "KRW", "amount": "10"}}],
						 "effectiveTime": "2026-01-01T00:00:00Z"}
						"""
					.formatted(id, id));
		assertThat(offer.status()).as(offer.body().toString()).isEqualTo(201);
		return "products/" + id + "/skus/small";
	}

	private static List<String> skuNames(Response response) {
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.body().get("purchasableSkus").forEach((s) -> names.add(s.at("/sku/name").asString()));
		return names;
	}

}
