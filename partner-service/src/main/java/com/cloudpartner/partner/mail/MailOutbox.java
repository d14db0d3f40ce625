package com.cloudpartner.partner.mail;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a mail in the transaction of the change that causes it; {@link MailRelay} sends
 * it over SMTP after the commit. A rolled-back change sends nothing, and a mail is queued
 * at most once per (purpose, key).
 */
@Component
public class MailOutbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MailRelay relay;

	MailOutbox(JdbcClient jdbc, Clock clock, MailRelay relay) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.relay = relay;
	}

	/**
	 * @return false when a mail with this purpose and key was queued before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(Mail mail) {
		boolean queued = this.jdbc
			.sql("""
					insert into mail_outbox (purpose, message_key, recipient, subject, body, state, next_attempt_at, created_at)
					values (:purpose, :key, :recipient, :subject, :body, 'PENDING', :now, :now)
					on conflict (purpose, message_key) do nothing
					""")
			.param("purpose", mail.purpose())
			.param("key", mail.key())
			.param("recipient", mail.recipient())
			.param("subject", mail.subject())
			.param("body", mail.body())
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (queued) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					MailOutbox.this.relay.wakeUp();
				}
			});
		}
		return queued;
	}

	/**
	 * A mail to send.
	 *
	 * @param purpose what it is for (VERIFY_EMAIL, PASSWORD_RESET, ...)
	 * @param key what makes it unique within the purpose
	 * @param recipient the address
	 * @param subject the subject
	 * @param body plain text, Korean then English
	 */
	public record Mail(String purpose, String key, String recipient, String subject, String body) {

		/** A mail in Korean and then English. */
		public static Mail bilingual(String purpose, String key, String recipient, String subjectKo, String subjectEn,
				String bodyKo, String bodyEn) {
			return new Mail(purpose, key, recipient, "[Cloud Partner] " + subjectKo + " / " + subjectEn,
					bodyKo + "\n\n----------------------------------------\n\n" + bodyEn + "\n");
		}

		@Override
		public String toString() {
			return "Mail[purpose=" + this.purpose + ", key=" + this.key + "]";
		}

	}

}
