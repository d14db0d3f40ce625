package com.cloudpartner.entitlement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A fresh partner with a customer and an ACTIVE IAAS entitlement for every resource test,
 * plus helpers to create resources and wait for their jobs.
 */
abstract class ResourcesITSupport extends IntegrationTestSupport {

	static final String SERVER_SKU = "products/server-basic/skus/basic-2vcpu-4gb";

	static final String DISK_SKU = "products/ssd-disk/skus/ssd-gb";

	@Autowired
	JdbcClient jdbc;

	String account;

	String customer;

	String partner;

	String entitlement;

	@BeforeEach
	void partnerWithAnIaasEntitlement() throws Exception {
		this.account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		this.customer = UUID.randomUUID().toString();
		this.partner = TestTokens.partner(this.account);
		ObjectNode approved = example("partner.approved");
		approved.put("id", UUID.randomUUID().toString());
		ObjectNode data = (ObjectNode) approved.get("data");
		data.put("accountId", this.account);
		((ObjectNode) data.get("billingAccounts").get(0)).put("name",
				"accounts/" + this.account + "/billingAccounts/demo-krw");
		produce("partner-events", "accounts/" + this.account, approved.toString());
		ObjectNode created = example("customer.created");
		created.put("id", UUID.randomUUID().toString());
		((ObjectNode) created.get("data")).put("accountId", this.account).put("customerId", this.customer);
		produce("partner-events", "accounts/" + this.account, created.toString());
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(get("/v1/accounts/" + this.account + "/billing-accounts", this.partner).body()
						.get("billingAccounts")).hasSize(1));
		Response purchased = post(customerPath() + "/entitlements", this.partner, Map.of("offer", "offers/iaas-payg",
				"billingAccount", "accounts/" + this.account + "/billingAccounts/demo-krw"));
		assertThat(purchased.status()).as(purchased.body().toString()).isEqualTo(202);
		this.entitlement = purchased.text("/response/name");
	}

	String customerPath() {
		return "/v1/accounts/" + this.account + "/customers/" + this.customer;
	}

	/**
	 * Another customer of the same partner, with an ACTIVE IAAS entitlement of its own;
	 * answers its id and entitlement name.
	 */
	String[] anotherCustomer() throws Exception {
		String other = UUID.randomUUID().toString();
		ObjectNode created = example("customer.created");
		created.put("id", UUID.randomUUID().toString());
		((ObjectNode) created.get("data")).put("accountId", this.account).put("customerId", other);
		produce("partner-events", "accounts/" + this.account, created.toString());
		String path = "/v1/accounts/" + this.account + "/customers/" + other + "/entitlements";
		Map<String, String> order = Map.of("offer", "offers/iaas-payg", "billingAccount",
				"accounts/" + this.account + "/billingAccounts/demo-krw");
		await().atMost(Duration.ofSeconds(30)).until(() -> post(path, this.partner, order).status() == 202);
		return new String[] { other, get(path, this.partner).body().get("entitlements").get(0).get("name").asString() };
	}

	Response createServer(String displayName) {
		return post(customerPath() + "/servers", this.partner, Map.of("entitlement", this.entitlement, "sku",
				SERVER_SKU, "image", "ubuntu-24.04", "displayName", displayName));
	}

	/** Waits for the job to finish and answers it. */
	Response finished(Response accepted) {
		assertThat(accepted.status()).as(String.valueOf(accepted.body())).isEqualTo(202);
		String job = accepted.body().has("job") ? accepted.text("/job/name") : accepted.text("/name");
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			String state = get("/v1/" + job, this.partner).text("/state");
			return state.equals("SUCCEEDED") || state.equals("FAILED");
		});
		return get("/v1/" + job, this.partner);
	}

	/** Creates a server and waits until it runs; answers its name. */
	String runningServer(String displayName) {
		Response created = createServer(displayName);
		assertThat(finished(created).text("/state")).isEqualTo("SUCCEEDED");
		return created.text("/server/name");
	}

	ObjectNode example(String type) throws Exception {
		return (ObjectNode) this.json.readTree(Files.readString(Path.of("../docs/events/" + type + ".json")));
	}

	static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
		assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
		assertThat(response.text("/code")).isEqualTo(code);
	}

}
