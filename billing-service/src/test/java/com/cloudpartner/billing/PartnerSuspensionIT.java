package com.cloudpartner.billing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.account.AccountContracts;
import com.cloudpartner.billing.account.AccountContracts.AccountContract;
import com.cloudpartner.support.test.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * partner-service's {@code partner.suspended} and {@code partner.reinstated} set the
 * state billing keeps of a partner account and leave its contract as it was. The
 * suspended partner's tokens stop working at billing too when it is called directly
 * (decision 0057): partner, read-only, {@code usage.write} and console tokens are refused
 * with {@code 403 PARTNER_SUSPENDED}, an operator's are not. Usage from before the
 * suspension, and the servers' own metering, are still charged and invoiced.
 */
class PartnerSuspensionIT extends TimeTravelTest {

	@Autowired
	AccountContracts contracts;

	@Test
	void keepsTheContractOfASuspendedPartnerAndStillInvoicesItsUsage() {
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));
		partnerEvent("partner.suspended");
		awaitState("SUSPENDED");

		assertContract(this.contracts.find(this.account).orElseThrow(), "SUSPENDED");
		this.clock.setTo(java.time.Instant.parse("2025-11-30T15:05:00Z"));
		assertThat(runFor(this.account, "2025-11").get("invoicesIssued").asInt()).isEqualTo(1);
		// the partner's own token no longer reads it; an operator does
		String path = invoicePath(this.account, "inv-2025-11-" + this.account);
		assertThat(this.client.get(path, TestTokens.partner(this.account)).text("/code"))
			.isEqualTo("PARTNER_SUSPENDED");
		JsonNode invoice = this.client.get(path, TestTokens.operator()).body();
		assertLine(invoice.get("lines").get(0), "REGULAR", "10", "450", "360", "450");
		assertTotals(invoice, "360", "0", "36", "396");
	}

	@Test
	void refusesEveryTokenOfASuspendedPartnerButAnOperators() {
		String mine = "/v1/accounts/" + this.account + "/billing/current-month?month=2025-11";
		String customer = "/v1/accounts/" + this.account + "/customers/c1/billing/current-month?month=2025-11";
		assertThat(this.client.get(mine, TestTokens.partner(this.account)).status()).isEqualTo(200);

		partnerEvent("partner.suspended");
		awaitState("SUSPENDED");

		for (BillingClient.Response refused : java.util.List
			.of(this.client.get(mine, TestTokens.partner(this.account)), this.client.get(
					mine,
					TestTokens
						.builder(
								"reader-" + this.account, "partner-api", "partner.read",
								java.time.Duration.ofMinutes(15))
						.claim("acct", this.account)
						.compact()),
					this.client.get(customer, TestTokens.console(this.account, "c1")),
					this.client.put("/v1/accounts/" + this.account + "/customers/c1/repricing-config",
							TestTokens.partner(this.account),
							"{\"rebillingBasis\":\"DIRECT_CUSTOMER_COST\",\"adjustmentPercent\":\"10\",\"effectiveMonth\":\"2099-03\"}"),
					this.client.post("/v1/usage-events", TestTokens.usageWriter(this.account),
							BillingClient.JSON.createArrayNode()
								.add(usage("c1", "srv-1", this.sku, "2025-11-04T01:00:00Z", "2025-11-04T02:00:00Z"))
								.toString()))) {
			assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.text("/code")).isEqualTo("PARTNER_SUSPENDED");
		}
		assertThat(this.jdbc.sql("select count(*) from repricing_config where account_id = :a")
			.param("a", this.account)
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.client.get(mine, TestTokens.operator()).status()).isEqualTo(200);

		partnerEvent("partner.reinstated");
		awaitState("ACTIVE");
		assertThat(this.client.get(mine, TestTokens.partner(this.account)).status()).isEqualTo(200);
		report(usage("c1", "srv-1", this.sku, "2025-11-04T01:00:00Z", "2025-11-04T02:00:00Z"));
	}

	@Test
	void reinstatesASuspendedPartnerWithItsContract() {
		partnerEvent("partner.suspended");
		awaitState("SUSPENDED");

		partnerEvent("partner.reinstated");
		awaitState("ACTIVE");

		assertContract(this.contracts.find(this.account).orElseThrow(), "ACTIVE");
	}

	/** The documented example of the event, for this test's account. */
	private void partnerEvent(String type) {
		ObjectNode event = BillingClient.example(type);
		event.put("subject", "accounts/" + this.account);
		((ObjectNode) event.get("data")).put("accountId", this.account);
		BillingClient.produce("partner-events", "accounts/" + this.account, event.toString());
	}

	private void awaitState(String state) {
		await().atMost(PATIENCE)
			.until(() -> this.contracts.find(this.account).map(AccountContract::state).orElse(""), state::equals);
	}

	/** partner.approved's terms: 20% supply discount, KRW. */
	private static void assertContract(AccountContract contract, String state) {
		assertThat(contract.state()).isEqualTo(state);
		assertThat(contract.hasContract()).isTrue();
		assertThat(contract.supplyDiscountPercent()).isEqualByComparingTo(new BigDecimal("20"));
		assertThat(contract.currencyCode()).isEqualTo("KRW");
	}

}
