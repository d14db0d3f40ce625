package com.cloudpartner.billing.pricebook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.cloudpartner.billing.rating.PriceBook;

import org.springframework.stereotype.Component;

/**
 * The price book in memory, per currency, for the usage API's check that accepted usage
 * can be priced: small (a version per offer, meter and price change) and only ever
 * growing, so a cached answer "a price exists" stays true. A miss is read again from the
 * database (at most once a second per currency, so that a flood of unpriceable usage does
 * not become a flood of queries), and this instance forgets its copy as soon as it stores
 * a version, so that usage sent right after an offer was published is accepted.
 */
@Component
public class PriceBookCache {

	private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

	private static final Duration MISS_RELOAD = Duration.ofSeconds(1);

	private final PriceBookRepository repository;

	private final Map<String, Loaded> byCurrency = new ConcurrentHashMap<>();

	PriceBookCache(PriceBookRepository repository) {
		this.repository = repository;
	}

	/** The price book of a currency as last read. */
	public PriceBook book(String currencyCode) {
		return this.byCurrency.computeIfAbsent(currencyCode, this::load).book();
	}

	/**
	 * The versions read again after a miss, unless they were read less than a second ago.
	 * @return whether they were read again
	 */
	public boolean reloadAfterMiss(String currencyCode) {
		Loaded loaded = this.byCurrency.get(currencyCode);
		if (loaded != null && loaded.at().plus(MISS_RELOAD).isAfter(Instant.now())) {
			return false;
		}
		this.byCurrency.put(currencyCode, load(currencyCode));
		return true;
	}

	void forget() {
		this.byCurrency.clear();
	}

	private Loaded load(String currencyCode) {
		return new Loaded(Instant.now(), new PriceBook(this.repository.versionsBefore(currencyCode, END_OF_TIME)));
	}

	private record Loaded(Instant at, PriceBook book) {
	}

}
