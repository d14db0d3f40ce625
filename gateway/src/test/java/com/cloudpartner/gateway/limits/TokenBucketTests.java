package com.cloudpartner.gateway.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void allowsTheBurstThenRefusesUntilRefilled() {
		TokenBucket bucket = new TokenBucket(3, 1, 0);
		assertThat(bucket.take(0).remaining()).isEqualTo(2);
		bucket.take(0);
		TokenBucket.Decision last = bucket.take(0);
		assertThat(last.allowed()).isTrue();
		assertThat(last.remaining()).isZero();
		assertThat(last.resetSeconds()).isEqualTo(3);
		TokenBucket.Decision refused = bucket.take(0);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
		assertThat(bucket.take(SECOND).allowed()).isTrue();
		assertThat(bucket.take(SECOND).allowed()).isFalse();
	}

	@Test
	void tighterDecisionIsTheRefusalElseTheOneWithLessLeft() {
		TokenBucket.Decision roomy = new TokenBucket.Decision(true, 100, 90, 1, 0);
		TokenBucket.Decision tight = new TokenBucket.Decision(true, 3, 1, 2, 0);
		TokenBucket.Decision refused = new TokenBucket.Decision(false, 100, 0, 5, 1);
		assertThat(roomy.tighter(tight)).isSameAs(tight);
		assertThat(tight.tighter(refused)).isSameAs(refused);
		assertThat(refused.tighter(roomy)).isSameAs(refused);
	}

}
