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
	void reportsWhatWasRememberedForAWindowAtLeastAndTwoAtMost() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 1_000_000, this.nanos::get);
		List<UUID> first = keys(3, 1);
		List<UUID> other = keys(2, 2);
		this.nanos.addAndGet(9 * SECOND);
		recent.remember(first);

		assertThat(recent.acknowledged(List.of(first.get(1), other.get(0), first.get(2)))).containsExactly(true, false,
				true);
		this.nanos.addAndGet(10 * SECOND - 1);
		assertThat(recent.acknowledged(first)).containsExactly(true, true, true);
		// remembered 1 s before its generation turned: gone when the next one turns,
		// 11 s after
		this.nanos.addAndGet(SECOND + 1);
		assertThat(recent.acknowledged(first)).containsExactly(false, false, false);
		assertThat(recent.size()).isZero();
	}

	@Test
	void keepsWhatWasRememberedAtTheStartOfAGenerationTwoWindows() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 1_000_000, this.nanos::get);
		List<UUID> keys = keys(3, 1);
		recent.remember(keys);
		this.nanos.addAndGet(20 * SECOND - 1);
		assertThat(recent.acknowledged(keys)).containsOnly(true);
		this.nanos.addAndGet(1);
		assertThat(recent.acknowledged(keys)).containsOnly(false);
	}

	@Test
	void forgetsEverythingAfterTwoQuietWindows() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 1_000_000, this.nanos::get);
		List<UUID> keys = keys(3, 1);
		recent.remember(keys);
		this.nanos.addAndGet(25 * SECOND);
		assertThat(recent.acknowledged(keys)).containsOnly(false);
		List<UUID> later = keys(3, 2);
		recent.remember(later);
		this.nanos.addAndGet(10 * SECOND - 1);
		assertThat(recent.acknowledged(later)).containsOnly(true);
		assertThat(recent.size()).isEqualTo(3);
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
	void forgetsThePreviousGenerationFirstWhenFull() {
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 250, this.nanos::get);
		List<UUID> older = keys(100, 1);
		List<UUID> newer = keys(100, 2);
		List<UUID> newest = keys(100, 3);
		recent.remember(older);
		this.nanos.addAndGet(10 * SECOND);
		recent.remember(newer);
		assertThat(recent.size()).isEqualTo(200);
		recent.remember(newest);

		assertThat(recent.acknowledged(older)).containsOnly(false);
		assertThat(recent.acknowledged(newer)).containsOnly(true);
		assertThat(recent.acknowledged(newest)).containsOnly(true);
		assertThat(recent.size()).isEqualTo(200);
		// one generation alone beyond the limit keeps what fits
		recent.remember(keys(400, 4));
		assertThat(recent.size()).isEqualTo(250);
	}

	@Test
	void keepsItsTablesSizedWhenEveryWindowReachesTheLimit() {
		// 2,000 identities a window against a limit of 3,000: the previous generation is
		// forgotten early in every window, as at 50,000 events/s with the defaults
		RecentlyAcknowledged recent = new RecentlyAcknowledged(Duration.ofSeconds(10), 3_000, this.nanos::get);
		int afterThirdWindow = 0;
		for (int window = 1; window <= 8; window++) {
			for (int batch = 0; batch < 4; batch++) {
				recent.remember(keys(500, 100 * window + batch));
			}
			assertThat(recent.acknowledged(keys(500, 100 * window + 3))).containsOnly(true);
			if (window == 3) {
				afterThirdWindow = recent.tableAllocations();
			}
			this.nanos.addAndGet(10 * SECOND);
		}

		assertThat(recent.tableAllocations()).as("arrays allocated in windows 4 to 8").isEqualTo(afterThirdWindow);
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
				List<UUID> batch = new ArrayList<>();
				for (int i = random.nextInt(20); i > 0; i--) {
					batch.add(!seen.isEmpty() && random.nextBoolean() ? seen.get(random.nextInt(seen.size()))
							: new UUID(random.nextLong(), random.nextLong()));
				}
				boolean[] found = recent.acknowledged(batch);
				for (int i = 0; i < batch.size(); i++) {
					int at = seen.lastIndexOf(batch.get(i));
					long age = (at < 0) ? Long.MAX_VALUE : this.nanos.get() - when.get(at);
					// kept a window at least, two at most; in between either
					if (age < window * SECOND) {
						assertThat(found[i]).as("history %d step %d key %d, %d ns old", history, step, i, age).isTrue();
					}
					else if (age >= 2 * window * SECOND) {
						assertThat(found[i]).as("history %d step %d key %d, %d ns old", history, step, i, age)
							.isFalse();
					}
				}
				recent.remember(batch);
				for (UUID key : batch) {
					seen.add(key);
					when.add(this.nanos.get());
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
