package com.cloudpartner.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenCacheTests {

	private Instant now = Instant.parse("2026-11-23T06:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public Instant instant() {
			return TokenCacheTests.this.now;
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	};

	@Test
	void servesAVerifiedTokenUntilItsExpiryButNeverPastIt() {
		TokenCache cache = new TokenCache(100, Duration.ofMinutes(5), this.clock);
		VerifiedToken token = token(this.now.plusSeconds(60));
		cache.put("a.b.c", token);
		assertThat(cache.find("a.b.c")).isSameAs(token);
		assertThat(cache.find("a.b.x")).isNull();
		this.now = this.now.plusSeconds(59);
		assertThat(cache.find("a.b.c")).isSameAs(token);
		this.now = this.now.plusSeconds(1);
		assertThat(cache.find("a.b.c")).isNull();
	}

	@Test
	void trustsATokenNoLongerThanTheTtl() {
		TokenCache cache = new TokenCache(100, Duration.ofMinutes(5), this.clock);
		cache.put("a.b.c", token(this.now.plus(Duration.ofHours(1))));
		this.now = this.now.plus(Duration.ofMinutes(5));
		assertThat(cache.find("a.b.c")).isNull();
	}

	@Test
	void staysBoundedAndKeysByDigestNotByToken() {
		TokenCache cache = new TokenCache(10, Duration.ofMinutes(5), this.clock);
		for (int i = 0; i < 100; i++) {
			cache.put("token-" + i, token(this.now.plusSeconds(600)));
		}
		assertThat(cache.size()).isLessThanOrEqualTo(10);
		assertThat(TokenCache.keyOf("a.b.c")).hasSize(64).doesNotContain("a.b.c");
	}

	private static VerifiedToken token(Instant expiresAt) {
		return new VerifiedToken("client-acme", Set.of("partner-api"), Set.of("partner"), "acme", null, "jti-1",
				expiresAt);
	}

}
