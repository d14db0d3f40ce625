package com.cloudpartner.support.outbox;

import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.web.RequestIdFilter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: an event appended here is stored in the same database
 * transaction as the change it reports, and {@link OutboxRelay} sends it to Kafka after
 * the commit. A rolled-back change therefore never publishes, and a committed one always
 * does.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final OutboxRelay relay;

	public Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.json = json;
		this.relay = relay;
	}

	/**
	 * Appends an event; must run inside the transaction of the change.
	 * @param topic the Kafka topic
	 * @param key the record key (ordering is per key)
	 * @param event the envelope
	 */
	public void append(String topic, String key, CloudEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.append must run inside the transaction of the change");
		}
		String traceparent = MDC.get(RequestIdFilter.TRACEPARENT);
		CloudEvent stamped = (traceparent != null && event.traceparent() == null) ? event.withTraceparent(traceparent)
				: event;
		this.jdbc
			.sql("insert into platform_outbox (topic, record_key, event_id, payload, traceparent) "
					+ "values (:topic, :key, :eventId, :payload, :traceparent)")
			.param("topic", topic)
			.param("key", key)
			.param("eventId", stamped.id())
			.param("payload", this.json.writeValueAsString(stamped))
			.param("traceparent", stamped.traceparent())
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
			}
		});
	}

}
