package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.cloudpartner.entitlement.metering.UsagePeriods.Facts;

/**
 * Who held a resource during one hour, and so who is billed what for it. A resource has
 * one holder, except in the hour a customer is transferred in (two, or more if it moved
 * back and forth). Billing counts started hours (days) per resource name, and each owner
 * bills under its own name, so:
 * <ul>
 * <li>HOUR (DAY) meters: the hour (day) belongs to the owner at its start, the one that
 * held the resource first in it; the next owner is metered from the next hour (day)
 * boundary. A resource-hour is never billed to two partners.</li>
 * <li>GB meters: split in proportion to the time each held the resource, the parts adding
 * up exactly to the whole hour's quantity.</li>
 * <li>Counters (traffic, requests): each holder gets what was counted while it held the
 * resource: from the instant it took it over (the hour's start for the first) to the
 * instant the next one did (the hour's end for the last), so nothing counted in the hour
 * is lost or counted twice.</li>
 * </ul>
 */
final class HourHolders {

	private HourHolders() {
	}

	/**
	 * The holders of a resource in [hour, hourEnd), first holder first.
	 * @param stretches the resource's billable stretches in the hour, clipped to it, in
	 * time order
	 */
	static List<Holder> of(List<Stretch> stretches, Instant hour, Instant hourEnd) {
		List<Holder> holders = new ArrayList<>();
		Holder current = null;
		Instant turnStart = hour;
		for (Stretch s : stretches) {
			if (current != null && !current.facts().sameOwner(s.facts())) {
				current.counted().add(new Window(turnStart, s.from()));
				turnStart = s.from();
				current = null;
			}
			if (current == null) {
				current = holders.stream().filter((h) -> h.facts().sameOwner(s.facts())).findFirst().orElse(null);
				if (current == null) {
					current = new Holder();
					holders.add(current);
				}
			}
			current.facts = s.facts();
			current.held = current.held.plus(Duration.between(s.from(), s.to()));
		}
		if (current != null) {
			current.counted().add(new Window(turnStart, hourEnd));
		}
		return holders;
	}

	/**
	 * The holder billed for a started period (hour or day) on HOUR or DAY meters: the one
	 * that held the resource at the period's start, if it held it in this hour.
	 * @param periodOwner the owner at the start of the period (its first holder in the
	 * period so far); null for the hour's first holder
	 * @return the holder, or null when the period belongs to an owner that no longer
	 * holds the resource in this hour (nothing is published for the hour)
	 */
	static Holder periodHolder(List<Holder> holders, Facts periodOwner) {
		if (periodOwner == null) {
			return holders.get(0);
		}
		return holders.stream().filter((h) -> h.facts().sameOwner(periodOwner)).findFirst().orElse(null);
	}

	/**
	 * Splits a GB quantity among the holders in proportion to the time each held the
	 * resource; the last holder's part is the rest, so the parts add up to the whole.
	 */
	static List<BigDecimal> split(BigDecimal whole, List<Holder> holders) {
		if (holders.size() == 1) {
			return List.of(whole);
		}
		long total = holders.stream().mapToLong((h) -> h.held().toMillis()).sum();
		List<BigDecimal> parts = new ArrayList<>();
		BigDecimal given = BigDecimal.ZERO;
		for (int k = 0; k < holders.size() - 1; k++) {
			BigDecimal part = (total == 0) ? BigDecimal.ZERO
					: whole.multiply(BigDecimal.valueOf(holders.get(k).held().toMillis()))
						.divide(BigDecimal.valueOf(total), MonthFraction.SCALE, RoundingMode.HALF_EVEN);
			parts.add(part);
			given = given.add(part);
		}
		parts.add(whole.subtract(given));
		return parts;
	}

	/**
	 * A billable stretch of a resource under unchanged facts, clipped to the hour.
	 *
	 * @param facts owner, SKU and size
	 * @param from when it started (the hour's start at the earliest)
	 * @param to when it ended (the hour's end at the latest)
	 */
	record Stretch(Facts facts, Instant from, Instant to) {
	}

	/**
	 * An interval in which counters count for a holder.
	 *
	 * @param from start, inclusive
	 * @param to end, exclusive
	 */
	record Window(Instant from, Instant to) {
	}

	/**
	 * One owner's hold on a resource in an hour (built by {@link HourHolders#of}).
	 */
	static final class Holder {

		private final List<Window> counted = new ArrayList<>();

		private Facts facts;

		private Duration held = Duration.ZERO;

		private Holder() {
		}

		/** The facts that held last under this owner in the hour (SKU, size). */
		Facts facts() {
			return this.facts;
		}

		/** How long this owner held the resource billable in the hour. */
		Duration held() {
			return this.held;
		}

		/** The intervals whose counters are this owner's. */
		List<Window> counted() {
			return this.counted;
		}

	}

}
