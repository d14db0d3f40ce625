package com.cloudpartner.billing.invoice;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.cloudpartner.billing.rating.PriceVersion;

/**
 * What a billing run reads once for all its accounts instead of once per account: the
 * price book per currency, and which accounts have repricing configs, pending adjustments
 * or usable credits at all (the others skip those queries). Sets taken at the start of a
 * run are safe to be stale: an adjustment or credit added during the run stays pending
 * for the next invoice, and a repricing config can only take effect from a month not yet
 * billed.
 *
 * @param prices price versions per currency, filled on first use
 * @param withRepricing accounts with a repricing config in force, or {@code null} for
 * "ask per account"
 * @param withAdjustments accounts with pending adjustments, or {@code null}
 * @param withCredits accounts with a credit balance, or {@code null}
 */
record RunScope(Map<String, List<PriceVersion>> prices, Set<String> withRepricing, Set<String> withAdjustments,
		Set<String> withCredits) {

	/** Asks everything per account (a single invoice). */
	static RunScope perAccount() {
		return new RunScope(new ConcurrentHashMap<>(), null, null, null);
	}

	boolean mayHaveRepricing(String accountId) {
		return this.withRepricing == null || this.withRepricing.contains(accountId);
	}

	boolean mayHaveAdjustments(String accountId) {
		return this.withAdjustments == null || this.withAdjustments.contains(accountId);
	}

	boolean mayHaveCredits(String accountId) {
		return this.withCredits == null || this.withCredits.contains(accountId);
	}

}
