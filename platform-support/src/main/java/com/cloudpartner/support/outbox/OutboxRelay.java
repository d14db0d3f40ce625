package com.cloudpartner.support.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to Kafka in id order and marks them published in the same database
 * transaction that locked them ({@code FOR UPDATE SKIP LOCKED}, so several instances
 * share the work). If Kafka fails, the transaction rolls back and the rows are sent again
 * later; every event carries a stable id so that consumers drop the rare repeat.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final KafkaTemplate<String, String> kafka;

	private final Duration pollInterval;

	private final Duration retention;

	private volatile boolean running;

	private volatile Thread worker;

	private long lastCleanup;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
			Duration pollInterval, Duration retention) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.kafka = kafka;
		this.pollInterval = pollInterval;
		this.retention = retention;
	}

	/**
	 * Called after a commit that appended events: send them now rather than at the next
	 * poll.
	 */
	public void wakeUp() {
		Thread thread = this.worker;
		if (thread != null) {
			LockSupport.unpark(thread);
		}
	}

	/**
	 * Sends one batch.
	 * @return how many events were published
	 */
	public int publishBatch() {
		Integer sent = this.tx.execute((status) -> {
			List<Row> rows = this.jdbc
				.sql("select id, topic, record_key, payload, traceparent from platform_outbox "
						+ "where published_at is null order by id limit :limit for update skip locked")
				.param("limit", BATCH)
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
			for (Row row : rows) {
				ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
				record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
				if (row.traceparent() != null) {
					record.headers().add("traceparent", row.traceparent().getBytes(StandardCharsets.UTF_8));
				}
				sends.add(this.kafka.send(record));
			}
			try {
				CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("Kafka did not acknowledge the outbox batch", ex);
			}
			this.jdbc.sql("update platform_outbox set published_at = now() where id in (:ids)")
				.param("ids", rows.stream().map(Row::id).toList())
				.update();
			return rows.size();
		});
		return (sent != null) ? sent : 0;
	}

	private void loop() {
		while (this.running) {
			int sent = 0;
			try {
				sent = publishBatch();
				cleanUpNowAndThen();
			}
			catch (RuntimeException ex) {
				log.warn("Outbox relay will retry: {}", ex.getMessage());
			}
			if (sent == 0) {
				LockSupport.parkNanos(this.pollInterval.toNanos());
			}
		}
	}

	private void cleanUpNowAndThen() {
		long now = System.currentTimeMillis();
		if (now - this.lastCleanup < 60_000) {
			return;
		}
		this.lastCleanup = now;
		this.jdbc.sql("delete from platform_outbox where published_at < now() - make_interval(secs => :seconds)")
			.param("seconds", this.retention.toSeconds())
			.update();
	}

	@Override
	public void start() {
		this.running = true;
		this.worker = Thread.ofVirtual().name("outbox-relay").start(this::loop);
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.worker;
		if (thread != null) {
			LockSupport.unpark(thread);
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.worker = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private record Row(long id, String topic, String key, String payload, String traceparent) {
	}

}
