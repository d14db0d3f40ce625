package com.cloudpartner.gateway.limits;

import java.time.Duration;

import com.cloudpartner.gateway.config.GatewayProperties.Plan;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * In-memory token buckets by key ({@code acct:...}, {@code client:...}, {@code ip:...}).
 * Per gateway instance: with n instances behind a load balancer a caller gets up to n
 * times the plan. Idle buckets are dropped (a full bucket is what a new one would be
 * anyway).
 */
class RateLimiter {

	private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofMinutes(10))
		.build();

	private final NanoClock clock;

	RateLimiter(NanoClock clock) {
		this.clock = clock;
	}

	TokenBucket.Decision take(String key, Plan plan) {
		long now = this.clock.nanos();
		TokenBucket bucket = this.buckets.get(key,
				(k) -> new TokenBucket(plan.capacity(), plan.refillPerSecond(), now));
		return bucket.take(now);
	}

	/** Monotonic nanoseconds; a test moves it by hand. */
	interface NanoClock {

		long nanos();

	}

}
