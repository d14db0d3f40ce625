package com.cloudpartner.partner.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mails over SMTP and marks them sent, retrying failures with exponential
 * backoff. Each row is locked ({@code for update skip locked}) while it is sent, so two
 * instances never send the same mail; the Message-ID is derived from (purpose, key), so
 * even the rare resend after a crash between the SMTP answer and the commit carries the
 * same id and is recognisable as a duplicate.
 */
@Component
class MailRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(MailRelay.class);

	private static final int MAX_ATTEMPTS = 12;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final JavaMailSender sender;

	private final Clock clock;

	private final String from;

	private final Duration pollInterval;

	private final Duration firstRetry;

	private final boolean logBody;

	private ScheduledExecutorService executor;

	private volatile boolean running;

	MailRelay(JdbcClient jdbc, TransactionTemplate tx, JavaMailSender sender, Clock clock,
			@Value("${platform.mail.from:Cloud Partner Platform <no-reply@cloudpartner.local>}") String from,
			@Value("${platform.mail.poll-interval:1s}") Duration pollInterval,
			@Value("${platform.mail.first-retry:30s}") Duration firstRetry,
			@Value("${platform.mail.log-body:false}") boolean logBody) {
		this.logBody = logBody;
		this.jdbc = jdbc;
		this.tx = tx;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
		this.pollInterval = pollInterval;
		this.firstRetry = firstRetry;
	}

	@Override
	public void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("mail-relay").factory());
		this.executor.scheduleWithFixedDelay(this::sendDueSafely, this.pollInterval.toMillis(),
				this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
		this.running = true;
	}

	@Override
	@PreDestroy
	public void stop() {
		this.running = false;
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Sends soon, instead of at the next poll. */
	void wakeUp() {
		ScheduledExecutorService current = this.executor;
		if (this.running && current != null) {
			current.execute(this::sendDueSafely);
		}
	}

	private void sendDueSafely() {
		try {
			while (sendBatch() > 0) {
				// until nothing is due
			}
		}
		catch (RuntimeException ex) {
			log.warn("Mail relay pass failed: {}", ex.toString());
		}
	}

	/** Sends up to 20 due mails; returns how many were tried. */
	int sendBatch() {
		Integer tried = this.tx.execute((status) -> {
			Instant now = this.clock.instant();
			List<Row> due = this.jdbc.sql("""
					select id, purpose, message_key, recipient, subject, body, attempts from mail_outbox
					where state = 'PENDING' and next_attempt_at <= :now
					order by next_attempt_at, id limit 20 for update skip locked
					""")
				.param("now", Timestamp.from(now))
				.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getInt(7)))
				.list();
			due.forEach((row) -> send(row, now));
			return due.size();
		});
		return (tried != null) ? tried : 0;
	}

	private void send(Row row, Instant now) {
		try {
			MimeMessage message = this.sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
			helper.setFrom(this.from);
			helper.setTo(row.recipient());
			helper.setSubject(row.subject());
			helper.setText(row.body());
			message.saveChanges();
			message.setHeader("Message-ID", messageId(row));
			this.sender.send(message);
			if (this.logBody) {
				log.info("Sent mail {} to {}: {}\n{}", row.purpose(), row.recipient(), row.subject(), row.body());
			}
			else {
				log.info("Sent mail {} #{}", row.purpose(), row.id());
			}
			this.jdbc
				.sql("update mail_outbox set state = 'SENT', sent_at = :now, attempts = attempts + 1, "
						+ "last_error = null where id = :id")
				.param("now", Timestamp.from(now))
				.param("id", row.id())
				.update();
		}
		catch (Exception ex) {
			int attempts = row.attempts() + 1;
			boolean giveUp = attempts >= MAX_ATTEMPTS;
			Duration wait = this.firstRetry.multipliedBy(1L << Math.min(attempts - 1, 10));
			log.warn("Mail {} ({}) attempt {} failed: {}", row.id(), row.purpose(), attempts, ex.toString());
			this.jdbc
				.sql("update mail_outbox set attempts = :attempts, state = :state, next_attempt_at = :next, "
						+ "last_error = :error where id = :id")
				.param("attempts", attempts)
				.param("state", giveUp ? "FAILED" : "PENDING")
				.param("next", Timestamp.from(now.plus(wait)))
				.param("error", String.valueOf(ex.getMessage()))
				.param("id", row.id())
				.update();
		}
	}

	private static String messageId(Row row) {
		byte[] key = (row.purpose() + "/" + row.key()).getBytes(StandardCharsets.UTF_8);
		return "<" + HexFormat.of().formatHex(key).substring(0, Math.min(64, key.length * 2)) + "." + row.id()
				+ "@cloudpartner.local>";
	}

	private record Row(long id, String purpose, String key, String recipient, String subject, String body,
			int attempts) {
	}

}
