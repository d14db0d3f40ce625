package com.cloudpartner.billing.account;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of customers from {@code partner-events}: what the billing export shows
 * of them (display name, external CRM id). A deletion is remembered, not applied by
 * removing the row, so months billed before it still export the customer.
 */
@Repository
class Customers {

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a created customer; a repeat (or a later correction) overwrites it. */
	void created(String accountId, String customerId, String userId, String displayName, String correlationId,
			Instant at) {
		this.jdbc.sql("""
				insert into customer (account_id, customer_id, user_id, display_name, correlation_id, created_at)
				values (:account, :customer, :user, :name, :correlation, :at)
				on conflict (account_id, customer_id) do update set user_id = excluded.user_id,
				    display_name = excluded.display_name, correlation_id = excluded.correlation_id,
				    created_at = coalesce(customer.created_at, excluded.created_at), updated_at = now()""")
			.param("account", accountId)
			.param("customer", customerId)
			.param("user", userId, java.sql.Types.VARCHAR)
			.param("name", displayName, java.sql.Types.VARCHAR)
			.param("correlation", correlationId, java.sql.Types.VARCHAR)
			.param("at", (at != null) ? at.atOffset(ZoneOffset.UTC) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.update();
	}

	/** Marks a customer deleted (known or not: a deletion may overtake its creation). */
	void deleted(String accountId, String customerId, Instant at) {
		this.jdbc.sql("""
				insert into customer (account_id, customer_id, deleted_at) values (:account, :customer, :at)
				on conflict (account_id, customer_id) do update set deleted_at = excluded.deleted_at,
				    updated_at = now()""")
			.param("account", accountId)
			.param("customer", customerId)
			.param("at", ((at != null) ? at : Instant.now()).atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Records a customer partner-service confirmed on a look-up; a row an event wrote
	 * (newer, or a deletion) is kept.
	 */
	void lookedUp(String accountId, String customerId, String userId, String displayName) {
		this.jdbc.sql("""
				insert into customer (account_id, customer_id, user_id, display_name)
				values (:account, :customer, :user, :name) on conflict (account_id, customer_id) do nothing""")
			.param("account", accountId)
			.param("customer", customerId)
			.param("user", userId, java.sql.Types.VARCHAR)
			.param("name", displayName, java.sql.Types.VARCHAR)
			.update();
	}

}
