package com.cloudpartner.partner.oauth;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenRateLimiterTests {

	@Test
	void allowsABurstThenAsksToWaitPerClient() {
		TokenRateLimiter limiter = new TokenRateLimiter(3, 0.5, Clock.systemUTC());
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("a")).isZero();
		}
		Duration wait = limiter.acquire("a");
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(2));
		assertThat(limiter.acquire("b")).as("another client has its own bucket").isZero();
	}

}
