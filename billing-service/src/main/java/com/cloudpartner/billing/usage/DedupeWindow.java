package com.cloudpartner.billing.usage;

import java.time.Duration;
import java.time.Instant;

import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.billing.config.BillingProperties;

import org.springframework.stereotype.Component;

/**
 * How long the (source, id) of an event is remembered, and therefore how late usage may
 * arrive: {@code platform.billing.dedupe-retention} after the end of its window. Three
 * cut-offs on the billing clock keep a purge from ever letting a late duplicate count
 * twice:
 * <ul>
 * <li>the API refuses usage whose window ended more than the retention ago;</li>
 * <li>the consumer refuses (dead-letters) it one {@link #SLACK} later, which leaves room
 * for consumer lag behind an event the API accepted;</li>
 * <li>the purge forgets records only two slacks later, so that whatever it deletes is
 * refused by both, even with clocks a day apart.</li>
 * </ul>
 */
@Component
class DedupeWindow {

	static final Duration SLACK = Duration.ofDays(1);

	static final String CODE = "WINDOW_TOO_OLD";

	private final BillingClock clock;

	private final Duration retention;

	DedupeWindow(BillingClock clock, BillingProperties properties) {
		this.clock = clock;
		this.retention = properties.dedupeRetention();
	}

	Duration retention() {
		return this.retention;
	}

	/** Usage whose window ended at or before this instant is refused by the API. */
	Instant apiCutoff() {
		return this.clock.instant().minus(this.retention);
	}

	/** Usage whose window ended at or before this instant is refused by the consumer. */
	Instant consumerCutoff() {
		return apiCutoff().minus(SLACK);
	}

	/** Receipts and records of windows that ended before this instant may be purged. */
	Instant purgeCutoff() {
		return apiCutoff().minus(SLACK.multipliedBy(2));
	}

	/**
	 * {@code null} when the event is inside the window, else the reason for refusing it.
	 */
	String refusal(UsageEvent event, Instant cutoff) {
		if (event.windowEnd().isAfter(cutoff)) {
			return null;
		}
		return CODE + ": the usage window ended at " + event.windowEnd() + ", not after " + cutoff + " ("
				+ this.retention.toDays() + " days of dedupe retention); such late usage can no longer be checked "
				+ "for duplicates and is refused";
	}

}
