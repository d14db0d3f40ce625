package com.cloudpartner.billing.pricebook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of entitlements: which offer prices a customer's usage.
 */
@Repository
class Entitlements {

	private final JdbcClient jdbc;

	Entitlements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(String accountId, String entitlementId, String customerId, String offer, String sku, String state) {
		this.jdbc.sql("""
				insert into entitlement (account_id, entitlement_id, customer_id, offer, sku, state)
				values (:account, :entitlement, :customer, :offer, :sku, :state)
				on conflict (account_id, entitlement_id) do update set customer_id = excluded.customer_id,
				    offer = coalesce(excluded.offer, entitlement.offer), sku = coalesce(excluded.sku, entitlement.sku),
				    state = excluded.state, updated_at = now()""")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.param("customer", customerId)
			.param("offer", offer, java.sql.Types.VARCHAR)
			.param("sku", sku, java.sql.Types.VARCHAR)
			.param("state", state)
			.update();
	}

	/** The entitlement a transfer replaced: its usage stays with its old owner. */
	void markTransferred(String accountId, String entitlementId) {
		this.jdbc
			.sql("update entitlement set state = 'TRANSFERRED', updated_at = now() "
					+ "where account_id = :account and entitlement_id = :entitlement")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.update();
	}

}
