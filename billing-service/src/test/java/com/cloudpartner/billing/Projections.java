package com.cloudpartner.billing;

import java.time.Duration;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/**
 * What billing must have heard from the other services before it accepts usage: the
 * partner's approval (its contract) and a price of the SKU's meter, put on their topics
 * as partner-service and entitlement-service would, and awaited in billing's projections.
 */
final class Projections {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private Projections() {
	}

	static void approve(JdbcClient jdbc, String accountId) {
		BillingClient.produce("partner-events", "accounts/" + accountId,
				BillingClient.partnerApproved(accountId).toString());
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from contract_version where account_id = :a")
				.param("a", accountId)
				.query(Integer.class)
				.single() > 0);
	}

	/**
	 * The customers of the account, created at partner-service: what the tenant boundary
	 * checks a customer path against (decision 0057).
	 */
	static void customers(JdbcClient jdbc, String accountId, String... customerIds) {
		for (String customerId : customerIds) {
			ObjectNode created = BillingClient.example("customer.created");
			created.put("subject", "accounts/" + accountId + "/customers/" + customerId);
			((ObjectNode) created.get("data")).put("accountId", accountId)
				.put("customerId", customerId)
				.put("correlationId", "crm-" + customerId);
			BillingClient.produce("partner-events", "accounts/" + accountId, created.toString());
		}
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from customer where account_id = :a and customer_id in (:c)")
				.param("a", accountId)
				.param("c", java.util.List.of(customerIds))
				.query(Integer.class)
				.single() == customerIds.length);
	}

	/** An offer of the SKU priced per unit of the meter since 2000. */
	static void price(JdbcClient jdbc, String sku, String meter, String unit) {
		String offer = "offers/" + sku.replace('/', '-') + "-" + meter;
		ObjectNode event = BillingClient.offer(offer, sku, "45", "30000", "2000-01-01T00:00:00Z");
		((ObjectNode) event.at("/data/prices/0")).put("meter", meter).put("unit", unit);
		BillingClient.produce("entitlement-events", offer, event.toString());
		await().atMost(PATIENCE)
			.until(() -> jdbc.sql("select count(*) from price_book_entry where offer = :o")
				.param("o", offer)
				.query(Integer.class)
				.single() > 0);
	}

}
