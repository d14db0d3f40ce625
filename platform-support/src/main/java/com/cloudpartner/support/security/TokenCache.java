package com.cloudpartner.support.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Tokens whose signature and claims were verified, so that a busy client pays for the
 * RS256 check once per token rather than once per call. Bounded in size; keyed by the
 * SHA-256 of the compact token (the token itself is never kept as a key); an entry lives
 * at most {@code ttl} and never past the token's {@code exp}. Whatever may change during
 * a token's life (a suspension) is checked on every request, not cached here.
 */
public class TokenCache {

	private static final HexFormat HEX = HexFormat.of();

	private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private final Cache<String, VerifiedToken> cache;

	private final Clock clock;

	private final Duration ttl;

	public TokenCache(long maxSize, Duration ttl, Clock clock) {
		this.clock = clock;
		this.ttl = ttl;
		this.cache = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.ticker(() -> nanosOf(clock.instant()))
			.expireAfter(Expiry.<String, VerifiedToken>creating((key, token) -> lifetimeOf(token)))
			.build();
	}

	public VerifiedToken find(String compact) {
		VerifiedToken token = this.cache.getIfPresent(keyOf(compact));
		// belt and braces: the ticker already expires it, this also covers a clock set
		// back
		return (token != null && this.clock.instant().isBefore(token.expiresAt())) ? token : null;
	}

	public void put(String compact, VerifiedToken token) {
		if (lifetimeOf(token).isPositive()) {
			this.cache.put(keyOf(compact), token);
		}
	}

	long size() {
		this.cache.cleanUp();
		return this.cache.estimatedSize();
	}

	private Duration lifetimeOf(VerifiedToken token) {
		Duration untilExpiry = Duration.between(this.clock.instant(), token.expiresAt());
		return (untilExpiry.compareTo(this.ttl) < 0) ? untilExpiry : this.ttl;
	}

	private static long nanosOf(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

	static String keyOf(String compact) {
		// digest() resets it for the next use; one per thread, no provider lookup per
		// call
		MessageDigest digest = SHA256.get();
		return HEX.formatHex(digest.digest(compact.getBytes(StandardCharsets.US_ASCII)));
	}

}
