package com.cloudpartner.billing.usage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cloudpartner.billing.account.AccountContracts;
import com.cloudpartner.billing.account.AccountContracts.AccountContract;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.pricebook.EntitlementHistory;
import com.cloudpartner.billing.pricebook.PriceBookCache;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.PriceBook;

import org.springframework.stereotype.Component;

/**
 * Whether accepted usage could be charged: the usage API refuses, with a stable reason,
 * what rating could not price (decision 0054), instead of acknowledging usage that the
 * bill would then leave out. The checks are those of rating, on the same projections:
 * <ul>
 * <li>{@code ACCOUNT_NOT_BILLABLE}: billing knows no contract (currency, supply discount)
 * of the account;</li>
 * <li>{@code ENTITLEMENT_NOT_ACTIVE_AT_WINDOW}: the entitlement was cancelled or
 * transferred to another partner before the usage's window starts;</li>
 * <li>{@code NO_PRICE_IN_EFFECT}: no price of the entitlement's offer (or, when the offer
 * prices no such meter, of the SKU) in the account's currency is in force at the start of
 * the usage's first hour, day or window, nor takes effect during it.</li>
 * </ul>
 * Usage of zero quantity charges nothing and needs no price.
 */
@Component
class UsageRatability {

	private final AccountContracts contracts;

	private final EntitlementHistory entitlements;

	private final PriceBookCache prices;

	private final ZoneId zone;

	UsageRatability(AccountContracts contracts, EntitlementHistory entitlements, PriceBookCache prices,
			BillingProperties properties) {
		this.contracts = contracts;
		this.entitlements = entitlements;
		this.prices = prices;
		this.zone = properties.zone();
	}

	/**
	 * What the check of a batch needs, read in two queries: the accounts' contracts and
	 * every version of the entitlements named (which the tenant check reads too).
	 */
	Batch prepare(Collection<UsageEvent> events) {
		if (events.isEmpty()) {
			return new Batch(Map.of(), Map.of(), List.of());
		}
		Set<String> accounts = new LinkedHashSet<>();
		Set<String> entitlementIds = new LinkedHashSet<>();
		for (UsageEvent event : events) {
			accounts.add(event.accountId());
			entitlementIds.add(event.entitlementId());
		}
		List<EntitlementHistory.Owned> versions = this.entitlements.ofEntitlementIds(entitlementIds);
		return new Batch(this.contracts.findAll(List.copyOf(accounts)), EntitlementHistory.byAccount(versions),
				versions);
	}

	/** {@code null} when the event can be charged, else the reason for refusing it. */
	String refusal(UsageEvent event, Batch batch) {
		AccountContract contract = batch.contracts().get(event.accountId());
		if (contract == null || !contract.hasContract()) {
			return "ACCOUNT_NOT_BILLABLE: billing knows no contract of account " + event.accountId()
					+ " (its approval has not reached billing); usage of it cannot be charged";
		}
		if (!event.isBillable()) {
			return null;
		}
		// rating starts the usage at its first hour (day), and so does every check here
		Instant start = firstPeriodStart(event.unit(), event.windowStart());
		EntitlementHistory.Versions history = batch.entitlements().get(event.accountId());
		Optional<EntitlementHistory.Version> version = (history != null) ? history.at(event.entitlementId(), start)
				: Optional.empty();
		if (version.isPresent() && version.get().ended() && !version.get().effectiveFrom().isAfter(start)) {
			return "ENTITLEMENT_NOT_ACTIVE_AT_WINDOW: entitlement " + event.entitlementId() + " was "
					+ version.get().state().toLowerCase(java.util.Locale.ROOT) + " at " + version.get().effectiveFrom()
					+ ", before the usage starting " + start;
		}
		String offer = version.map(EntitlementHistory.Version::offer).orElse(null);
		Instant firstEnd = PriceBook.firstPeriodEnd(event.unit(), start, event.windowEnd(), this.zone);
		Instant monthEnd = BillingMonth.of(start, this.zone).end();
		String currency = contract.currencyCode();
		if (priced(offer, event, currency, monthEnd, start, firstEnd)) {
			return null;
		}
		if (this.prices.reloadAfterMiss(currency) && priced(offer, event, currency, monthEnd, start, firstEnd)) {
			return null;
		}
		return "NO_PRICE_IN_EFFECT: no " + currency + " price of " + ((offer != null) ? offer + " or " : "")
				+ event.sku() + " for meter " + event.meter() + " (" + event.unit() + ") is in effect at " + start
				+ "; usage from before its price takes effect cannot be charged";
	}

	private boolean priced(String offer, UsageEvent event, String currency, Instant monthEnd, Instant start,
			Instant firstEnd) {
		return this.prices.book(currency)
			.find(offer, event.sku(), event.meter(), event.unit(), currency, monthEnd, start, firstEnd)
			.isPresent();
	}

	/**
	 * Where rating starts the usage: its hour (day) in the billing zone, or its window.
	 */
	private Instant firstPeriodStart(MeterUnit unit, Instant windowStart) {
		return switch (unit) {
			case HOUR -> windowStart.atZone(this.zone).truncatedTo(ChronoUnit.HOURS).toInstant();
			case DAY -> windowStart.atZone(this.zone).toLocalDate().atStartOfDay(this.zone).toInstant();
			default -> windowStart;
		};
	}

	/**
	 * The contracts and entitlement histories a batch names.
	 *
	 * @param contracts per account
	 * @param entitlements per account
	 * @param versions every version of the batch's entitlements, under whichever account
	 */
	record Batch(Map<String, AccountContract> contracts, Map<String, EntitlementHistory.Versions> entitlements,
			List<EntitlementHistory.Owned> versions) {
	}

}
