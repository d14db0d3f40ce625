package com.cloudpartner.entitlement;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.support.test.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tenant boundary of entitlement-service (decision 0057): a customer path of an
 * account answers {@code 404 CUSTOMER_NOT_FOUND} for a customer of another account before
 * doing anything, a named server of another customer is not there, and a suspended
 * partner's tokens are refused on every path with {@code 403 PARTNER_SUSPENDED}.
 */
class TenantBoundaryIT extends IntegrationTestSupport {

	private final String a = "tb-a-" + UUID.randomUUID().toString().substring(0, 8);

	private final String b = "tb-b-" + UUID.randomUUID().toString().substring(0, 8);

	private final String customerOfA = "ca-" + UUID.randomUUID().toString().substring(0, 8);

	private final String customerOfB = "cb-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void refusesAnotherPartnersCustomerOnEveryCustomerPath() throws Exception {
		approvePartner(this.a, this.a + "-pub", this.customerOfA);
		approvePartner(this.b, this.b + "-pub", this.customerOfB);
		String theirs = "/v1/accounts/" + this.b + "/customers/" + this.customerOfA;
		for (String path : List.of("/entitlements", "/servers", "/disks", "/jobs", "/purchasable-skus",
				"/purchasable-offers", "/servers/srv-1/firewall-rules", "/entitlements/e-1", "/servers/srv-1")) {
			for (String token : List.of(TestTokens.partner(this.b), TestTokens.operator())) {
				Response refused = get(theirs + path, token);
				assertThat(refused.status()).as(path).isEqualTo(404);
				assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
				assertThat(refused.text("/code")).as(path).isEqualTo("CUSTOMER_NOT_FOUND");
			}
		}
		Response order = post(theirs + "/entitlements", TestTokens.partner(this.b), "{}");
		assertThat(order.status()).isEqualTo(404);
		assertThat(order.text("/code")).isEqualTo("CUSTOMER_NOT_FOUND");
		// a customer partner-service does not know either
		assertThat(get("/v1/accounts/" + this.b + "/customers/nobody/servers", TestTokens.partner(this.b)).status())
			.isEqualTo(404);

		String mine = "/v1/accounts/" + this.b + "/customers/" + this.customerOfB;
		assertThat(get(mine + "/servers", TestTokens.partner(this.b)).status()).isEqualTo(200);
		Response rules = get(mine + "/servers/srv-of-someone-else/firewall-rules", TestTokens.partner(this.b));
		assertThat(rules.status()).isEqualTo(404);
		assertThat(rules.text("/code")).isEqualTo("SERVER_NOT_FOUND");
		// another partner's token learns nothing about the customer: refused as before
		Response foreign = get("/v1/accounts/" + this.a + "/customers/" + this.customerOfA + "/servers",
				TestTokens.partner(this.b));
		assertThat(foreign.status()).isEqualTo(403);
	}

	@Test
	void refusesEveryTokenOfASuspendedPartnerButAnOperators() throws Exception {
		approvePartner(this.a, this.a + "-pub", this.customerOfA);
		String servers = "/v1/accounts/" + this.a + "/customers/" + this.customerOfA + "/servers";
		assertThat(get(servers, TestTokens.partner(this.a)).status()).isEqualTo(200);

		partnerEvent("partner.suspended");
		await().atMost(Duration.ofSeconds(30)).until(() -> get(servers, TestTokens.partner(this.a)).status() == 403);
		for (Response refused : List.of(get(servers, TestTokens.partner(this.a)),
				get("/v1/accounts/" + this.a + "/resources", TestTokens.partner(this.a)),
				get(servers, TestTokens.console(this.a, this.customerOfA)),
				get("/v1/accounts/" + this.a + "/billing-accounts",
						TestTokens.builder("reader", "partner-api", "partner.read", Duration.ofMinutes(5))
							.claim("acct", this.a)
							.compact()))) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
			assertThat(refused.text("/code")).isEqualTo("PARTNER_SUSPENDED");
		}
		assertThat(get(servers, TestTokens.operator()).status()).isEqualTo(200);

		partnerEvent("partner.reinstated");
		await().atMost(Duration.ofSeconds(30)).until(() -> get(servers, TestTokens.partner(this.a)).status() == 200);
		assertThat(get(servers, TestTokens.console(this.a, this.customerOfA)).status()).isEqualTo(200);
	}

	private void partnerEvent(String type) throws Exception {
		ObjectNode event = example(type);
		event.put("id", UUID.randomUUID().toString());
		((ObjectNode) event.get("data")).put("accountId", this.a);
		produce("partner-events", "accounts/" + this.a, event.toString());
	}

}
