package com.cloudpartner.partner.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cloudpartner.partner.tokens.TokenProperties;
import com.cloudpartner.support.security.SecurityProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signing keys of the platform: makes sure one key is active, rotates it, and keeps
 * retired keys published until every token they signed has expired. Changes take a
 * database lock so that several instances starting or rotating at once agree on one
 * active key (a unique index makes a second one impossible anyway).
 */
@Service
public class SigningKeys {

	/**
	 * How long an instance keeps signing with a key another instance may have retired.
	 */
	private static final Duration ACTIVE_KEY_CACHE = Duration.ofSeconds(30);

	private final SigningKeyRepository repository;

	private final KeyEncryption encryption;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final Duration retention;

	private volatile CachedKey cached;

	SigningKeys(SigningKeyRepository repository, KeysProperties keys, TransactionTemplate tx, Clock clock,
			TokenProperties tokens, SecurityProperties security) {
		this.repository = repository;
		this.encryption = new KeyEncryption(keys.requiredEncryptionSecret());
		this.tx = tx;
		this.clock = clock;
		this.retention = tokens.maxLifetime().plus(security.clockSkew());
	}

	/** The key that signs new tokens; made on first use if none exists yet. */
	public ActiveKey active() {
		CachedKey current = this.cached;
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.loadedAt().plus(ACTIVE_KEY_CACHE))) {
			return current.key();
		}
		SigningKeyRepository.StoredPrivateKey stored = this.repository.findActivePrivate()
			.orElseGet(() -> ensureActive());
		ActiveKey key = new ActiveKey(stored.kid(), decode(stored));
		this.cached = new CachedKey(key, now);
		return key;
	}

	/**
	 * Makes an active key unless one exists; safe when several instances start at once.
	 */
	SigningKeyRepository.StoredPrivateKey ensureActive() {
		return this.tx.execute((status) -> {
			this.repository.lockForChange();
			return this.repository.findActivePrivate().orElseGet(this::insertNew);
		});
	}

	/**
	 * Makes a new active key and retires the old one, which stays published until its
	 * tokens have expired.
	 */
	public SigningKey rotate() {
		SigningKeyRepository.StoredPrivateKey created = this.tx.execute((status) -> {
			this.repository.lockForChange();
			Instant now = this.clock.instant();
			this.repository.retireActive(now, now.plus(this.retention));
			return insertNew();
		});
		this.cached = null;
		return published().stream()
			.filter((key) -> key.kid().equals(created.kid()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("The new signing key was not stored"));
	}

	/**
	 * Rotates when the active key is older than {@code maxAge} (the scheduled rotation);
	 * several instances checking at once rotate once.
	 * @return whether it rotated
	 */
	public boolean rotateIfOlderThan(Duration maxAge) {
		Boolean rotated = this.tx.execute((status) -> {
			this.repository.lockForChange();
			Instant now = this.clock.instant();
			Instant created = this.repository.findActiveCreatedAt().orElse(null);
			if (created != null && created.plus(maxAge).isAfter(now)) {
				return false;
			}
			this.repository.retireActive(now, now.plus(this.retention));
			insertNew();
			return true;
		});
		if (Boolean.TRUE.equals(rotated)) {
			this.cached = null;
			return true;
		}
		return false;
	}

	/** The active key and the retired keys whose tokens may still be valid. */
	public List<SigningKey> published() {
		return this.repository.findPublishable(this.clock.instant());
	}

	private SigningKeyRepository.StoredPrivateKey insertNew() {
		Instant now = this.clock.instant();
		String kid = "key-" + now.getEpochSecond() + "-" + UUID.randomUUID().toString().substring(0, 8);
		KeyPair pair = generate();
		String encrypted = this.encryption.encrypt(pair.getPrivate().getEncoded(), kid);
		this.repository.insertActive(kid, encrypted, pair.getPublic(), now);
		return new SigningKeyRepository.StoredPrivateKey(kid, encrypted);
	}

	private PrivateKey decode(SigningKeyRepository.StoredPrivateKey stored) {
		try {
			byte[] pkcs8 = this.encryption.decrypt(stored.encrypted(), stored.kid());
			return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Signing key " + stored.kid() + " is not an RSA private key", ex);
		}
	}

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is not available", ex);
		}
	}

	private record CachedKey(ActiveKey key, Instant loadedAt) {
	}

}
