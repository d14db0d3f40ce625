package com.cloudpartner.billing.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The clock of billing decisions (current month, billing runs, due dates, overdue): the
 * system clock unless moved. Tests move it to travel through months the way Kill Bill's
 * clock does; token verification keeps the real clock.
 */
public class BillingClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** Moves the clock so that now is the given instant. */
	public void setTo(Instant instant) {
		this.offset = Duration.between(Instant.now(), instant);
	}

	/** Back to the system's time. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset);
	}

}
