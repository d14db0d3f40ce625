package com.cloudpartner.partner.keys;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.cloudpartner.support.security.KeySource;

import org.springframework.stereotype.Component;

/**
 * Lets this service verify its own tokens from its key store, without an HTTP round trip
 * to its own JWKS. Keys are cached; an unknown key id (a key another instance just made)
 * causes at most one database read per second, and the cache is renewed every minute so
 * that expired keys drop out.
 */
@Component
class StoredKeySource implements KeySource {

	private static final Duration MAX_AGE = Duration.ofMinutes(1);

	private static final Duration MIN_RELOAD_INTERVAL = Duration.ofSeconds(1);

	private final SigningKeys keys;

	private final Clock clock;

	private volatile Map<String, PublicKey> cache = Map.of();

	private volatile Instant loadedAt = Instant.EPOCH;

	StoredKeySource(SigningKeys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	@Override
	public Optional<PublicKey> find(String keyId) {
		Instant now = this.clock.instant();
		if (now.isAfter(this.loadedAt.plus(MAX_AGE)) || !this.cache.containsKey(keyId)) {
			reload(now);
		}
		return Optional.ofNullable(this.cache.get(keyId));
	}

	/** Forgets the cache, after this instance changed the keys. */
	void invalidate() {
		this.loadedAt = Instant.EPOCH;
	}

	private synchronized void reload(Instant now) {
		if (now.isBefore(this.loadedAt.plus(MIN_RELOAD_INTERVAL))) {
			return;
		}
		this.cache = this.keys.published()
			.stream()
			.collect(Collectors.toUnmodifiableMap(SigningKey::kid, SigningKey::publicKey, (a, b) -> a));
		this.loadedAt = now;
	}

}
