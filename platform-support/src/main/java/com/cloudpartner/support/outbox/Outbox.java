package com.cloudpartner.support.outbox;

import java.util.List;

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
		appendAll(List.of(new Entry(topic, key, event)));
	}

	/**
	 * Appends events in one statement, in their order; must run inside the transaction of
	 * the change.
	 * @param entries the events with their topic and key
	 */
	public void appendAll(List<Entry> entries) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.append must run inside the transaction of the change");
		}
		if (entries.isEmpty()) {
			return;
		}
		String traceparent = MDC.get(RequestIdFilter.TRACEPARENT);
		int size = entries.size();
		String[] topics = new String[size];
		String[] keys = new String[size];
		String[] ids = new String[size];
		String[] payloads = new String[size];
		String[] traceparents = new String[size];
		for (int i = 0; i < size; i++) {
			Entry entry = entries.get(i);
			CloudEvent stamped = (traceparent != null && entry.event().traceparent() == null)
					? entry.event().withTraceparent(traceparent) : entry.event();
			topics[i] = entry.topic();
			keys[i] = entry.key();
			ids[i] = stamped.id();
			payloads[i] = this.json.writeValueAsString(stamped);
			traceparents[i] = stamped.traceparent();
		}
		// with ordinality: the ids (the relay's order) follow the entries' order
		this.jdbc.sql("""
				insert into platform_outbox (topic, record_key, event_id, payload, traceparent)
				select topic, record_key, event_id, payload, traceparent
				from unnest(cast(:topics as text[]), cast(:keys as text[]), cast(:ids as text[]),
				    cast(:payloads as text[]), cast(:traceparents as text[]))
				    with ordinality as e(topic, record_key, event_id, payload, traceparent, n)
				order by n""")
			.param("topics", topics)
			.param("keys", keys)
			.param("ids", ids)
			.param("payloads", payloads)
			.param("traceparents", traceparents)
			.update();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wakeUp();
			}
		});
	}

	/**
	 * An event to append.
	 *
	 * @param topic the Kafka topic
	 * @param key the record key (ordering is per key)
	 * @param event the envelope
	 */
	public record Entry(String topic, String key, CloudEvent event) {
	}

}
