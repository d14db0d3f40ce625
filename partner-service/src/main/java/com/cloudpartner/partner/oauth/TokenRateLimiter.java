package com.cloudpartner.partner.oauth;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token buckets per client id, in memory: each client may ask for {@code capacity} tokens
 * at once and {@code refill-per-second} after that. Per instance: behind N instances a
 * client gets N times the rate, which is fine for a brake on runaway loops and guessing.
 */
@Component
class TokenRateLimiter {

	private static final int MAX_CLIENTS = 100_000;

	private final double capacity;

	private final double refillPerNano;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenRateLimiter(@Value("${platform.tokens.rate-limit.capacity:20}") int capacity,
			@Value("${platform.tokens.rate-limit.refill-per-second:5}") double refillPerSecond, Clock clock) {
		this.capacity = capacity;
		this.refillPerNano = refillPerSecond / 1_000_000_000d;
		this.clock = clock;
	}

	/**
	 * Takes one request from the client's bucket.
	 * @return zero when allowed, else how long to wait
	 */
	Duration acquire(String clientId) {
		if (this.buckets.size() > MAX_CLIENTS) {
			this.buckets.clear();
		}
		long now = System.nanoTime();
		Bucket bucket = this.buckets.computeIfAbsent(String.valueOf(clientId), (id) -> new Bucket(this.capacity, now));
		synchronized (bucket) {
			bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.refillPerNano);
			bucket.updated = now;
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return Duration.ZERO;
			}
			long waitNanos = (long) Math.ceil((1 - bucket.tokens) / this.refillPerNano);
			return Duration.ofNanos(waitNanos);
		}
	}

	private static final class Bucket {

		double tokens;

		long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}

	}

}
