package com.cloudpartner.billing.invoice;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.cloudpartner.billing.rating.Contract;
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
 * @param contracts every account's contract at the start of the run, or {@code null} to
 * read it (and whether the account is invoiced already) per account; a run's accounts are
 * those without an invoice for the month at its start, and a concurrent run's invoice
 * makes the insert fail on the unique (account, month) instead
 */
record RunScope(Map<String, List<PriceVersion>> prices, Set<String> withRepricing, Set<String> withAdjustments,
		Set<String> withCredits, Map<String, Contract> contracts) {

	/** Asks everything per account (a single invoice). */
	static RunScope perAccount() {
		return new RunScope(new ConcurrentHashMap<>(), null, null, null, null);
	}

	boolean knowsContracts() {
		return this.contracts != null;
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
