package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.rating.MeterUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RecentlyAcknowledgedTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong nanos = new AtomicLong(1_234_567_891L);

	@Test
	void reportsWhatWasRememberedWithinTheWindowAndForgetsItAfter() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 1_000_000, this.nanos::get);
		List<UUID> first = keys(3, 1);
		List<UUID> other = keys(2, 2);
		recent.remember(first);

		assertThat(recent.acknowledged(List.of(first.get(1), other.get(0), first.get(2)))).containsExactly(true, false,
				true);
		this.nanos.addAndGet(10 * SECOND);
		assertThat(recent.acknowledged(first)).containsExactly(true, true, true);
		// kept for the window at least, at most a second more: gone 11 s later
		this.nanos.addAndGet(SECOND);
		assertThat(recent.acknowledged(first)).containsExactly(false, false, false);
		assertThat(recent.size()).isZero();
	}

	@Test
	void keepsEverySecondOfTheWindowWhileBucketsAreReused() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(3), 1_000_000, this.nanos::get);
		List<List<UUID>> perSecond = new ArrayList<>();
		for (int s = 0; s < 12; s++) {
			List<UUID> keys = keys(50, 100 + s);
			perSecond.add(keys);
			recent.remember(keys);
			for (int back = 0; back <= s; back++) {
				boolean[] found = recent.acknowledged(perSecond.get(s - back));
				boolean expected = back <= 3;
				for (boolean f : found) {
					assertThat(f).as("remembered %d s ago", back).isEqualTo(expected);
				}
			}
			this.nanos.addAndGet(SECOND);
		}
	}

	@Test
	void tellsApartTheSameSourceAndIdOfTwoAccounts() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 1_000_000, this.nanos::get);
		UsageEvent mine = event("acct-a", "meter://x", "e-1");
		UsageEvent theirs = event("acct-b", "meter://x", "e-1");
		// lengths prefix each part: these are three other texts joined the same way
		UsageEvent shifted = event("acct-a", "meter://xe-1", "");
		recent.remember(List.of(UsageIdentities.identityKey(mine)));

		assertThat(recent.acknowledged(List.of(UsageIdentities.identityKey(mine), UsageIdentities.identityKey(theirs),
				UsageIdentities.identityKey(shifted))))
			.containsExactly(true, false, false);
	}

	@Test
	void forgetsTheOldestSecondsFirstWhenFull() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 250, this.nanos::get);
		List<UUID> oldest = keys(100, 1);
		List<UUID> middle = keys(100, 2);
		List<UUID> newest = keys(100, 3);
		recent.remember(oldest);
		this.nanos.addAndGet(SECOND);
		recent.remember(middle);
		this.nanos.addAndGet(SECOND);
		recent.remember(newest);

		assertThat(recent.acknowledged(oldest)).containsOnly(false);
		assertThat(recent.acknowledged(middle)).containsOnly(true);
		assertThat(recent.acknowledged(newest)).containsOnly(true);
		assertThat(recent.size()).isEqualTo(200);
		// a second alone beyond the limit keeps what fits
		recent.remember(keys(400, 4));
		assertThat(recent.size()).isEqualTo(250);
	}

	@Test
	void holdsManyKeysAndTheZeroKey() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 1_000_000, this.nanos::get);
		List<UUID> many = keys(100_000, 7);
		UUID zero = new UUID(0, 0);
		UUID one = new UUID(0, 1);
		recent.remember(many);
		recent.remember(List.of(zero));

		assertThat(recent.acknowledged(many)).containsOnly(true);
		assertThat(recent.acknowledged(keys(1_000, 8))).containsOnly(false);
		assertThat(recent.acknowledged(List.of(zero))).containsExactly(true);
		assertThat(recent.size()).isEqualTo(100_001);
		// (0, 0) is kept as (0, 1), the one key it may be taken for
		assertThat(recent.acknowledged(List.of(one))).containsExactly(true);
	}

	@Test
	void matchesASetOfWhatWasRemembered() {
		// random histories against a plain set kept beside, with its own times
		Random random = new Random(13);
		for (int history = 0; history < 20; history++) {
			int window = 1 + random.nextInt(5);
			RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(window), 1_000_000,
					this.nanos::get);
			List<UUID> seen = new ArrayList<>();
			List<Long> when = new ArrayList<>();
			for (int step = 0; step < 200; step++) {
				this.nanos.addAndGet(random.nextInt(400) * 1_000_000L);
				long second = Math.floorDiv(this.nanos.get(), SECOND);
				List<UUID> batch = new ArrayList<>();
				for (int i = random.nextInt(20); i > 0; i--) {
					batch.add(!seen.isEmpty() && random.nextBoolean() ? seen.get(random.nextInt(seen.size()))
							: new UUID(random.nextLong(), random.nextLong()));
				}
				boolean[] found = recent.acknowledged(batch);
				for (int i = 0; i < batch.size(); i++) {
					int at = seen.lastIndexOf(batch.get(i));
					boolean expected = at >= 0 && second - when.get(at) <= window;
					assertThat(found[i]).as("history %d step %d key %d", history, step, i).isEqualTo(expected);
				}
				recent.remember(batch);
				for (UUID key : batch) {
					seen.add(key);
					when.add(second);
				}
			}
		}
	}

	@Test
	void aZeroWindowRemembersNothing() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ZERO, 1_000_000, this.nanos::get);
		List<UUID> keys = keys(5, 1);
		recent.remember(keys);
		assertThat(recent.acknowledged(keys)).containsOnly(false);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RecentlyAcknowledged(Duration.ofSeconds(-1), 10, this.nanos::get));
	}

	private static List<UUID> keys(int count, long seed) {
		Random random = new Random(seed);
		Set<UUID> keys = new HashSet<>();
		while (keys.size() < count) {
			keys.add(new UUID(random.nextLong(), random.nextLong()));
		}
		return new ArrayList<>(keys);
	}

	private static UsageEvent event(String account, String source, String id) {
		Instant start = Instant.parse("2026-11-01T00:00:00Z");
		return new UsageEvent(id, source, "vm-1", start, account, "c1", "e1", "products/p/skus/s", "vcpu-hours",
				MeterUnit.HOUR, BigDecimal.ONE, start, start.plusSeconds(3600), null, null);
	}

}
