package com.cloudpartner.billing;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.account.AccountContracts;
import com.cloudpartner.billing.account.AccountContracts.AccountContract;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * partner-service's {@code partner.suspended} and {@code partner.reinstated} set the
 * state billing keeps of a partner account and leave its contract as it was. The
 * suspension is enforced where the partner calls (gateway, partner-service): billing
 * still charges the usage of the partner's servers and invoices it.
 */
class PartnerSuspensionIT extends TimeTravelTest {

	@Autowired
	AccountContracts contracts;

	@Test
	void keepsTheContractOfASuspendedPartnerAndStillInvoicesItsUsage() {
		partnerEvent("partner.suspended");
		awaitState("SUSPENDED");

		assertContract(this.contracts.find(this.account).orElseThrow(), "SUSPENDED");
		report(usage("c1", "srv-1", this.sku, "2025-11-03T01:00:00Z", "2025-11-03T11:00:00Z"));
		JsonNode invoice = bill("2025-11", "2025-11-30T15:05:00Z");
		assertLine(invoice.get("lines").get(0), "REGULAR", "10", "450", "360", "450");
		assertTotals(invoice, "360", "0", "36", "396");
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
