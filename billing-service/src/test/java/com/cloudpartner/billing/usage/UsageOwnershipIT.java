package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.BillingIntegrationTest;
import com.cloudpartner.billing.pricebook.EntitlementHistory;
import com.cloudpartner.billing.rating.MeterUnit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts a batch's customers are known under, which the usage API's tenant check
 * reads: from the customer projection and from every account any version of an
 * entitlement of the customer was under, found by a loose index scan (one probe per
 * account, not one row per version). Customers here have many versions under one account,
 * a few under several, or none.
 */
class UsageOwnershipIT extends BillingIntegrationTest {

	@Autowired
	UsageOwnership ownership;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAccountOfEveryCustomerIsFoundOnce() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String many = "many-" + run;
		String spread = "spread-" + run;
		String single = "single-" + run;
		String projected = "projected-" + run;
		String unknown = "unknown-" + run;
		// 300 entitlements of one customer under one account, each with two versions
		versions(many, "acct-b-" + run, 300, 2);
		// one customer under four accounts, in an order that is not the accounts' order
		versions(spread, "acct-d-" + run, 2, 1);
		versions(spread, "acct-a-" + run, 1, 3);
		versions(spread, "acct-c-" + run, 5, 1);
		versions(spread, "acct-b-" + run, 1, 1);
		versions(single, "acct-a-" + run, 1, 1);
		this.jdbc.sql("insert into customer (account_id, customer_id) values (:a, :c), (:b, :c)")
			.param("a", "acct-e-" + run)
			.param("b", "acct-a-" + run)
			.param("c", projected)
			.update();
		versions(projected, "acct-a-" + run, 1, 1);

		List<UsageEvent> events = new ArrayList<>();
		for (String customer : List.of(many, spread, single, projected, unknown, many)) {
			events.add(event("acct-a-" + run, customer));
		}
		UsageOwnership.Owners owners = this.ownership.prepare(events, null,
				events.stream()
					.map((e) -> new EntitlementHistory.Owned(e.accountId(), e.customerId(),
							new EntitlementHistory.Version(e.entitlementId(), Instant.EPOCH, "offers/o", "ACTIVE")))
					.toList());

		assertThat(owners.customerAccounts()).containsExactlyInAnyOrderEntriesOf(Map.of(many, Set.of("acct-b-" + run),
				spread, Set.of("acct-a-" + run, "acct-b-" + run, "acct-c-" + run, "acct-d-" + run), single,
				Set.of("acct-a-" + run), projected, Set.of("acct-a-" + run, "acct-e-" + run)));
		assertThat(this.ownership.refusal(events.get(0), owners)).startsWith("CUSTOMER_NOT_FOUND");
		assertThat(this.ownership.refusal(events.get(1), owners)).isNull();
	}

	private void versions(String customer, String account, int entitlements, int versionsEach) {
		this.jdbc
			.sql("""
					insert into entitlement_version (account_id, entitlement_id, effective_from, customer_id, offer, sku,
					    state)
					select :account, :customer || '-' || :account || '-e' || e,
					    timestamptz '2025-01-01T00:00:00Z' + v * interval '1 day', :customer, 'offers/o', 'products/p/skus/s',
					    'ACTIVE'
					from generate_series(1, :entitlements) e cross join generate_series(1, :versions) v""")
			.param("account", account)
			.param("customer", customer)
			.param("entitlements", entitlements)
			.param("versions", versionsEach)
			.update();
	}

	private static UsageEvent event(String account, String customer) {
		return new UsageEvent(UUID.randomUUID().toString(), "//test",
				"accounts/" + account + "/customers/" + customer + "/servers/s1", null, account, customer,
				"e-" + customer, "products/p/skus/s", "vm-hours", MeterUnit.HOUR, BigDecimal.ONE,
				Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T01:00:00Z"));
	}

}
