package com.cloudpartner.partner.customers;

import java.sql.Timestamp;
import java.time.Instant;

import com.cloudpartner.support.outbox.ProcessedEvents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The local projection of entitlement-events: which entitlements each customer holds and
 * in which state, enough to refuse deleting a customer who still holds one.
 */
@Component
class CustomerEntitlements {

	static final String CONSUMER = "partner-service.customer-entitlements";

	private final JdbcClient jdbc;

	private final ProcessedEvents processed;

	CustomerEntitlements(JdbcClient jdbc, ProcessedEvents processed) {
		this.jdbc = jdbc;
		this.processed = processed;
	}

	/**
	 * Records an entitlement's state, once per event; an older event never overwrites a
	 * newer one.
	 */
	@Transactional
	void apply(String source, String eventId, Change change) {
		apply(source, eventId, java.util.List.of(change));
	}

	/** Records the changes of one event (a transfer changes two entitlements), once. */
	@Transactional
	void apply(String source, String eventId, java.util.List<Change> changes) {
		if (!this.processed.firstTime(CONSUMER, source, eventId)) {
			return;
		}
		changes.forEach(this::record);
	}

	private void record(Change change) {
		this.jdbc.sql("""
				insert into customer_entitlement (account_id, customer_id, entitlement_id, state, event_time)
				values (:account, :customer, :entitlement, :state, :time)
				on conflict (account_id, customer_id, entitlement_id) do update
				    set state = excluded.state, event_time = excluded.event_time
				    where customer_entitlement.event_time <= excluded.event_time
				""")
			.param("account", change.accountId())
			.param("customer", change.customerId())
			.param("entitlement", change.entitlementId())
			.param("state", change.state())
			.param("time", Timestamp.from(change.time()))
			.update();
	}

	/** Whether the customer holds an entitlement that is not cancelled. */
	boolean holdsActive(String accountId, String customerId) {
		return this.jdbc.sql("""
				select exists (select 1 from customer_entitlement
				    where account_id = :account and customer_id = :customer and state <> 'CANCELLED')
				""").param("account", accountId).param("customer", customerId).query(Boolean.class).single();
	}

	record Change(String accountId, String customerId, String entitlementId, String state, Instant time) {
	}

}
