package com.cloudpartner.entitlement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The service's {@link Clock} bean in every IT: the system clock plus an offset that a
 * time-travel test moves forward and resets when done ({@code try/finally}). Bearer
 * tokens are verified against it too, so calls made while it is moved need tokens minted
 * for that time ({@code IntegrationTestSupport.partnerAt}).
 */
public final class TimeTravelClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	public void advance(Duration by) {
		this.offset = this.offset.plus(by);
	}

	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	/** Replaces platform-support's system clock bean. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		TimeTravelClock clock() {
			return new TimeTravelClock();
		}

	}

}
