package com.cloudpartner.gateway.limits;

/**
 * One token bucket: holds up to {@code capacity} tokens, refilled continuously at
 * {@code refillPerSecond}; a request takes one token or is refused.
 */
final class TokenBucket {

	private static final long NANOS = 1_000_000_000L;

	private final long capacity;

	private final double refillPerNano;

	private double tokens;

	private long updatedAt;

	TokenBucket(long capacity, long refillPerSecond, long now) {
		this.capacity = capacity;
		this.refillPerNano = (double) refillPerSecond / NANOS;
		this.tokens = capacity;
		this.updatedAt = now;
	}

	synchronized Decision take(long now) {
		if (now > this.updatedAt) {
			this.tokens = Math.min(this.capacity, this.tokens + (now - this.updatedAt) * this.refillPerNano);
			this.updatedAt = now;
		}
		boolean allowed = this.tokens >= 1;
		if (allowed) {
			this.tokens -= 1;
		}
		long remaining = (long) Math.floor(this.tokens);
		long resetSeconds = secondsUntil(this.capacity - this.tokens);
		long retryAfter = allowed ? 0 : Math.max(1, secondsUntil(1 - this.tokens));
		return new Decision(allowed, this.capacity, remaining, resetSeconds, retryAfter);
	}

	private long secondsUntil(double missingTokens) {
		if (missingTokens <= 0) {
			return 0;
		}
		if (this.refillPerNano <= 0) {
			return Long.MAX_VALUE / NANOS;
		}
		return (long) Math.ceil(missingTokens / this.refillPerNano / NANOS);
	}

	/**
	 * The outcome of one request against one bucket, in the terms of the IETF RateLimit
	 * header fields.
	 */
	record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

		/**
		 * The tighter of two decisions: the refusing one, else the one with less left.
		 */
		Decision tighter(Decision other) {
			if (other == null) {
				return this;
			}
			if (this.allowed != other.allowed) {
				return this.allowed ? other : this;
			}
			if (!this.allowed) {
				return (this.retryAfterSeconds >= other.retryAfterSeconds) ? this : other;
			}
			return (this.remaining <= other.remaining) ? this : other;
		}

	}

}
