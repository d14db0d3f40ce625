package com.cloudpartner.billing.usage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The identities of the usage this instance produced lately and Kafka acknowledged, so
 * that a batch sent again before its first copy was consumed (a client's retry after a
 * timeout, a resend of the previous batch) is reported as duplicates, as it is once the
 * consumer stored it, instead of as accepted again (decision 0081). An identity is
 * remembered only after Kafka acknowledged it: the first copy is then durable and will be
 * charged, so reporting the second as a duplicate loses nothing; a batch that was not
 * acknowledged (503) is not remembered, and its retry is produced.
 * <p>
 * Kept for at least {@code platform.billing.usage-recent-window} (10 s by default, longer
 * than the consumer's lag while it keeps up) and at most twice that, in two generations
 * that each cover one window: identities go into the current one; when it is a window old
 * it becomes the previous one, and the previous one is emptied (so a look-up probes two
 * tables, not one per second). Each is an open-addressing table of the identities'
 * 128-bit keys ({@link UsageIdentities#identityKey}): 32 bytes an identity or less, no
 * object per identity. At most {@code platform.billing.usage-recent-max-events}
 * identities are kept (1,000,000 by default: 32-64 MiB, which a window of 10 s needs at
 * 50,000 events/s on one instance); beyond that the previous generation is forgotten
 * first, which only makes such a resend accepted again (and still charged once), as
 * before. Only this instance's acknowledgements are known: a resend that another instance
 * answers before the consumer stored the first copy is accepted again and charged once.
 */
@Component
class RecentlyAcknowledged {

	private final LongSupplier nanos;

	/** The window in nanoseconds; 0 when nothing is remembered. */
	private final long window;

	private final int maxEntries;

	private final ReentrantLock lock = new ReentrantLock();

	private KeySet current = new KeySet();

	private KeySet previous = new KeySet();

	/** When the current generation began, in {@link #nanos}. */
	private long currentSince;

	@Autowired
	RecentlyAcknowledged(@Value("${platform.billing.usage-recent-window:10s}") Duration window,
			@Value("${platform.billing.usage-recent-max-events:1000000}") int maxEntries) {
		this(window, maxEntries, System::nanoTime);
	}

	RecentlyAcknowledged(Duration window, int maxEntries, LongSupplier nanos) {
		if (window.isNegative() || maxEntries < 0) {
			throw new IllegalArgumentException(
					"platform.billing.usage-recent-window and usage-recent-max-events must not be negative");
		}
		this.nanos = nanos;
		this.window = (maxEntries == 0) ? 0 : window.toNanos();
		this.maxEntries = maxEntries;
		this.currentSince = nanos.getAsLong();
	}

	/**
	 * For each key, in order, whether its identity was acknowledged within the window.
	 */
	boolean[] acknowledged(List<UUID> keys) {
		boolean[] found = new boolean[keys.size()];
		if (this.window == 0 || keys.isEmpty()) {
			return found;
		}
		this.lock.lock();
		try {
			age();
			for (int i = 0; i < keys.size(); i++) {
				UUID key = keys.get(i);
				long hi = key.getMostSignificantBits();
				long lo = KeySet.nonZero(hi, key.getLeastSignificantBits());
				found[i] = this.current.contains(hi, lo) || this.previous.contains(hi, lo);
			}
		}
		finally {
			this.lock.unlock();
		}
		return found;
	}

	/** Remembers identities Kafka acknowledged just now. */
	void remember(List<UUID> keys) {
		if (this.window == 0 || keys.isEmpty()) {
			return;
		}
		this.lock.lock();
		try {
			age();
			if (this.current.size() + this.previous.size() + keys.size() > this.maxEntries) {
				this.previous.clear();
			}
			for (UUID key : keys) {
				if (this.current.size() + this.previous.size() >= this.maxEntries) {
					break;
				}
				long hi = key.getMostSignificantBits();
				this.current.add(hi, KeySet.nonZero(hi, key.getLeastSignificantBits()));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** How many arrays the two tables allocated so far (for tests). */
	int tableAllocations() {
		this.lock.lock();
		try {
			return this.current.allocations + this.previous.allocations;
		}
		finally {
			this.lock.unlock();
		}
	}

	/** How many identities are kept (for tests). */
	int size() {
		this.lock.lock();
		try {
			age();
			return this.current.size() + this.previous.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Turns the generations: a current one a window old becomes the previous one, whose
	 * table, emptied, is the new current one; after two windows or more without a turn,
	 * both are emptied.
	 */
	private void age() {
		long now = this.nanos.getAsLong();
		long age = now - this.currentSince;
		if (age < this.window) {
			return;
		}
		KeySet emptied = this.previous;
		emptied.clear();
		if (age < 2 * this.window) {
			this.previous = this.current;
			this.currentSince += this.window;
		}
		else {
			this.current.clear();
			this.previous = this.current;
			this.currentSince = now;
		}
		this.current = emptied;
	}

	/**
	 * A set of 128-bit keys in one array, two longs a slot, linear probing, at most half
	 * full; the pair (0, 0) marks an empty slot, so a key that is (0, 0) is kept as (0,
	 * 1) (a 2^-128 chance for a hash, and then only that one pair shares a slot).
	 */
	static final class KeySet {

		private static final int INITIAL = 1 << 10;

		private long[] slots = new long[2 * INITIAL];

		private int size;

		/** The most it held since it was last emptied, to size it when emptied. */
		private int peak;

		/** How many arrays it allocated (for tests). */
		private int allocations;

		static long nonZero(long hi, long lo) {
			return (hi == 0 && lo == 0) ? 1 : lo;
		}

		boolean contains(long hi, long lo) {
			return holds(slot(hi, lo), hi, lo);
		}

		/** Adds a key; {@code false} when it was there. */
		boolean add(long hi, long lo) {
			if (2 * (this.size + 1) > this.slots.length / 2) {
				grow();
			}
			int i = slot(hi, lo);
			if (holds(i, hi, lo)) {
				return false;
			}
			this.slots[2 * i] = hi;
			this.slots[2 * i + 1] = lo;
			this.size++;
			this.peak = Math.max(this.peak, this.size);
			return true;
		}

		/**
		 * The slot that holds the key, or the empty slot where the key would go (keys are
		 * never (0, 0): {@link #nonZero}).
		 */
		private int slot(long hi, long lo) {
			int mask = this.slots.length / 2 - 1;
			for (int i = index(hi, lo, mask);; i = (i + 1) & mask) {
				long h = this.slots[2 * i];
				long l = this.slots[2 * i + 1];
				if ((h == hi && l == lo) || (h == 0 && l == 0)) {
					return i;
				}
			}
		}

		private boolean holds(int i, long hi, long lo) {
			return this.slots[2 * i] == hi && this.slots[2 * i + 1] == lo;
		}

		int size() {
			return this.size;
		}

		/**
		 * Empties it, keeping an array of the size its last use needed (a burst's large
		 * array is not kept for the quiet seconds after it). A table that is empty
		 * already keeps its array: the previous generation emptied early, because the
		 * limit was reached, is emptied again when it becomes the current one, and would
		 * otherwise start again from the smallest array and grow by doubling through
		 * every size up to what a window needs (at 50,000 events/s, arrays of up to 16
		 * MiB a window, which the young collections copied and promoted).
		 */
		void clear() {
			if (this.size == 0) {
				return;
			}
			// the fewest slots that hold the peak at most half full
			int needed = Math.max(INITIAL, Integer.highestOneBit(Math.max(1, 2 * this.peak - 1)) << 1);
			if (needed < this.slots.length / 2) {
				this.slots = new long[2 * needed];
				this.allocations++;
			}
			else {
				Arrays.fill(this.slots, 0L);
			}
			this.size = 0;
			this.peak = 0;
		}

		private void grow() {
			long[] old = this.slots;
			this.slots = new long[2 * old.length];
			this.allocations++;
			this.size = 0;
			for (int i = 0; i < old.length; i += 2) {
				if (old[i] != 0 || old[i + 1] != 0) {
					add(old[i], old[i + 1]);
				}
			}
		}

		private static int index(long hi, long lo, int mask) {
			// the keys are hashes: any of their bits is as good as a mixed hash
			return (int) (lo ^ (hi >>> 32)) & mask;
		}

	}

}
