package com.cloudpartner.support.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The idempotent-consumer half of the outbox: a consumer records each event it has
 * applied, in the same transaction as its effect, and skips an event it has seen before.
 */
public class ProcessedEvents {

	private final JdbcClient jdbc;

	public ProcessedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event as processed by the consumer.
	 * @return {@code true} the first time, {@code false} for a repeat
	 */
	public boolean firstTime(String consumer, String source, String eventId) {
		return this.jdbc
			.sql("insert into platform_processed_event (consumer, source, event_id) values (:c, :s, :e) "
					+ "on conflict do nothing")
			.param("c", consumer)
			.param("s", source)
			.param("e", eventId)
			.update() == 1;
	}

}
