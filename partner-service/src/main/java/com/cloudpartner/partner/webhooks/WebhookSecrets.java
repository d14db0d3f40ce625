package com.cloudpartner.partner.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.partner.keys.KeyEncryption;
import com.cloudpartner.partner.keys.KeysProperties;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The HMAC secrets of a partner's callbacks. A rotation keeps the previous secret signing
 * for a day (a second {@code v1}), so the partner's receiver can switch over without
 * rejecting a callback. The secrets must be readable to sign, so they are stored
 * encrypted ({@link KeyEncryption}, purpose {@code webhook-secret}, bound to the
 * account); secrets stored in clear by an earlier version are encrypted at start.
 */
@Component
public class WebhookSecrets {

	static final Duration OVERLAP = Duration.ofHours(24);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final KeyEncryption encryption;

	WebhookSecrets(JdbcClient jdbc, Clock clock, KeysProperties keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.encryption = new KeyEncryption(keys.requiredEncryptionSecret(), "webhook-secret");
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
			.param("secret", seal(secret, accountId))
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
				List<String> secrets = new ArrayList<>(List.of(open(rs.getString(1), accountId)));
				Timestamp until = rs.getTimestamp(3);
				if (rs.getString(2) != null && until != null && until.toInstant().isAfter(now)) {
					secrets.add(open(rs.getString(2), accountId));
				}
				return secrets;
			})
			.optional()
			.orElse(List.of());
	}

	/** Encrypts the secrets an earlier version stored in clear. */
	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void encryptClearSecrets() {
		List<String[]> clear = this.jdbc.sql("""
				select account_id, secret, previous_secret from webhook_secret
				where secret not like :prefix or previous_secret not like :prefix for update""")
			.param("prefix", KeyEncryption.PREFIX + "%")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		for (String[] row : clear) {
			this.jdbc
				.sql("update webhook_secret set secret = :secret, previous_secret = :previous where account_id = :a")
				.param("a", row[0])
				.param("secret", sealed(row[1], row[0]))
				.param("previous", (row[2] != null) ? sealed(row[2], row[0]) : null, java.sql.Types.VARCHAR)
				.update();
		}
		if (!clear.isEmpty()) {
			log.info("Encrypted the webhook secrets of {} account(s) stored in clear", clear.size());
		}
	}

	private String seal(String secret, String accountId) {
		return this.encryption.encrypt(secret.getBytes(StandardCharsets.UTF_8), accountId);
	}

	private String sealed(String stored, String accountId) {
		return stored.startsWith(KeyEncryption.PREFIX) ? stored : seal(stored, accountId);
	}

	private String open(String stored, String accountId) {
		// a secret still in clear (an earlier version, before the start-up encryption
		// ran)
		return stored.startsWith(KeyEncryption.PREFIX)
				? new String(this.encryption.decrypt(stored, accountId), StandardCharsets.UTF_8) : stored;
	}

}
