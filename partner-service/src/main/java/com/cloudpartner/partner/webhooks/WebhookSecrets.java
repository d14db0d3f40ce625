package com.cloudpartner.partner.webhooks;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HMAC secrets of a partner's callbacks. A rotation keeps the previous secret signing
 * for a day (a second {@code v1}), so the partner's receiver can switch over without
 * rejecting a callback.
 */
@Component
class WebhookSecrets {

	static final Duration OVERLAP = Duration.ofHours(24);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	WebhookSecrets(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new secret for the account, returned this once. */
	@Transactional
	String rotate(String accountId) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into webhook_secret (account_id, secret, created_at) values (:account, :secret, :now)
				on conflict (account_id) do update set previous_secret = webhook_secret.secret,
				    previous_valid_until = :until, secret = excluded.secret, created_at = excluded.created_at
				""")
			.param("account", accountId)
			.param("secret", secret)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(OVERLAP)))
			.update();
		return secret;
	}

	/** The secrets that sign now: the current one first; empty when none was made. */
	List<String> signing(String accountId) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("select secret, previous_secret, previous_valid_until from webhook_secret "
					+ "where account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> {
				List<String> secrets = new ArrayList<>(List.of(rs.getString(1)));
				Timestamp until = rs.getTimestamp(3);
				if (rs.getString(2) != null && until != null && until.toInstant().isAfter(now)) {
					secrets.add(rs.getString(2));
				}
				return secrets;
			})
			.optional()
			.orElse(List.of());
	}

}
