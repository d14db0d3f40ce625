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

	void save(String accountId, String entitlementId, String customerId, String offer, String sku, String state,
			java.time.Instant effectiveFrom) {
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
		// a version carries the terms after the change: an event that names no offer
		// keeps the one in force before it
		this.jdbc
			.sql("""
					insert into entitlement_version (account_id, entitlement_id, effective_from, customer_id, offer, sku,
					    state)
					select :account, :entitlement, :at, :customer,
					    coalesce(cast(:offer as text), (select v.offer from entitlement_version v
					        where v.account_id = :account and v.entitlement_id = :entitlement and v.effective_from <= :at
					        order by v.effective_from desc limit 1)),
					    coalesce(cast(:sku as text), (select v.sku from entitlement_version v
					        where v.account_id = :account and v.entitlement_id = :entitlement and v.effective_from <= :at
					        order by v.effective_from desc limit 1)),
					    :state
					on conflict (account_id, entitlement_id, effective_from) do update set customer_id = excluded.customer_id,
					    offer = excluded.offer, sku = excluded.sku, state = excluded.state""")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.param("at", effectiveFrom.atOffset(java.time.ZoneOffset.UTC))
			.param("customer", customerId)
			.param("offer", offer, java.sql.Types.VARCHAR)
			.param("sku", sku, java.sql.Types.VARCHAR)
			.param("state", state)
			.update();
	}

	/** The entitlement a transfer replaced: its usage stays with its old owner. */
	void markTransferred(String accountId, String entitlementId, java.time.Instant at) {
		this.jdbc.sql("""
				insert into entitlement_version (account_id, entitlement_id, effective_from, customer_id, offer, sku,
				    state)
				select v.account_id, v.entitlement_id, :at, v.customer_id, v.offer, v.sku, 'TRANSFERRED'
				from entitlement_version v where v.account_id = :account and v.entitlement_id = :entitlement
				    and v.effective_from <= :at
				order by v.effective_from desc limit 1
				on conflict (account_id, entitlement_id, effective_from) do update set state = 'TRANSFERRED'""")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.param("at", at.atOffset(java.time.ZoneOffset.UTC))
			.update();
		this.jdbc
			.sql("update entitlement set state = 'TRANSFERRED', updated_at = now() "
					+ "where account_id = :account and entitlement_id = :entitlement")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.update();
	}

}
