package com.cloudpartner.billing.charges;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.account.AccountContracts;
import com.cloudpartner.billing.account.AccountContracts.AccountContract;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.pricebook.EntitlementHistory;
import com.cloudpartner.billing.pricebook.PriceBookRepository;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.PriceVersion;
import com.cloudpartner.billing.rating.RatingEngine;
import com.cloudpartner.billing.rating.RatingInput;
import com.cloudpartner.billing.rating.RatingResult;
import com.cloudpartner.billing.rating.Repricing;
import com.cloudpartner.billing.rating.ResourceUsage;
import com.cloudpartner.billing.repricing.RepricingConfigs;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rates a month of an account (or of one customer) from what billing stored: the
 * contract's discount history, the price book, the usage and the repricing configs in
 * force. Month-to-date views and billing runs both rate through here, so an invoice shows
 * what the month-to-date view showed.
 */
@Service
public class AccountRating {

	private static final Logger log = LoggerFactory.getLogger(AccountRating.class);

	private final AccountContracts contracts;

	private final PriceBookRepository priceBook;

	private final UsageQueries usage;

	private final RepricingConfigs repricing;

	private final RatingEngine engine = new RatingEngine();

	private final BillingProperties properties;

	private final EntitlementHistory entitlements;

	AccountRating(AccountContracts contracts, PriceBookRepository priceBook, UsageQueries usage,
			RepricingConfigs repricing, BillingProperties properties, EntitlementHistory entitlements) {
		this.entitlements = entitlements;
		this.contracts = contracts;
		this.priceBook = priceBook;
		this.usage = usage;
		this.repricing = repricing;
		this.properties = properties;
	}

	/**
	 * The contracts of every account billing can rate, read in two queries (billing
	 * runs).
	 */
	public Map<String, Contract> contracts() {
		Map<String, List<Contract.Discount>> discounts = this.contracts.allDiscounts();
		Map<String, Contract> contracts = new java.util.HashMap<>();
		for (AccountContract account : this.contracts.all()) {
			if (account.hasContract()) {
				contracts.put(account.accountId(),
						contract(account, discounts.getOrDefault(account.accountId(), List.of())));
			}
		}
		return contracts;
	}

	private static Contract contract(AccountContract account, List<Contract.Discount> discounts) {
		return discounts.isEmpty() ? new Contract(account.supplyDiscountPercent(), account.currencyCode())
				: new Contract(account.currencyCode(), discounts);
	}

	/** The contract of an account that billing can rate, when it has one. */
	public Optional<Contract> contract(String accountId) {
		return this.contracts.find(accountId)
			.filter(AccountContract::hasContract)
			.map((account) -> contract(account, this.contracts.discounts(accountId)));
	}

	/**
	 * Rates a month.
	 * @param accountId the partner account
	 * @param contract its contract
	 * @param customerId a customer of it, or {@code null} for all
	 * @param month the month in the billing time zone
	 */
	@Transactional(readOnly = true)
	public RatingResult rate(String accountId, Contract contract, String customerId, YearMonth month) {
		return rate(accountId, contract, customerId, month, prices(contract.currencyCode(), month));
	}

	/** The price versions that can price a month in a currency. */
	public List<PriceVersion> prices(String currencyCode, YearMonth month) {
		return this.priceBook.versionsBefore(currencyCode, billingMonth(month).end());
	}

	/**
	 * Rates a month with price versions read once for many accounts (a billing run).
	 * @param prices what {@link #prices} answers for the contract's currency and month
	 */
	@Transactional(readOnly = true)
	public RatingResult rate(String accountId, Contract contract, String customerId, YearMonth month,
			List<PriceVersion> prices) {
		return rate(accountId, contract, customerId, month, prices, true);
	}

	/**
	 * Rates a month for a billing run.
	 * @param mayHaveRepricing {@code false} when the run knows the account has no
	 * repricing config (list prices for every customer)
	 */
	@Transactional(readOnly = true)
	public RatingResult rate(String accountId, Contract contract, String customerId, YearMonth month,
			List<PriceVersion> prices, boolean mayHaveRepricing) {
		BillingMonth billingMonth = billingMonth(month);
		EntitlementHistory.Versions history = this.entitlements.of(accountId);
		return rate(accountId, contract, customerId, billingMonth, prices, mayHaveRepricing, history);
	}

	private RatingResult rate(String accountId, Contract contract, String customerId, BillingMonth month,
			List<PriceVersion> prices, boolean mayHaveRepricing, EntitlementHistory.Versions history) {
		List<ResourceUsage> parts = this.usage.parts(accountId, customerId, month,
				changes(month, contract, prices, history));
		return rate(accountId, contract, month, prices, mayHaveRepricing, withOffers(parts, history, month));
	}

	/**
	 * A month's usage read once and split at the month's own changes and, too, at the
	 * given instants, with the terms that {@link #rate} rates it with: daily charges rate
	 * prefixes of it (decision 0055).
	 * @param bounds instants to split at as well (the ends of the month's days)
	 */
	@Transactional(readOnly = true)
	SplitMonth split(String accountId, Contract contract, String customerId, YearMonth month,
			Collection<Instant> bounds) {
		BillingMonth billingMonth = billingMonth(month);
		List<PriceVersion> prices = prices(contract.currencyCode(), month);
		EntitlementHistory.Versions history = this.entitlements.of(accountId);
		TreeSet<Instant> splits = new TreeSet<>(changes(billingMonth, contract, prices, history));
		bounds.stream()
			.filter((at) -> at.isAfter(billingMonth.start()) && at.isBefore(billingMonth.end()))
			.forEach(splits::add);
		List<ResourceUsage> parts = this.usage.parts(accountId, customerId, billingMonth, new ArrayList<>(splits));
		return new SplitMonth(withOffers(parts, history, billingMonth), new RatingInput(billingMonth, contract, prices,
				List.of(), List.of(), this.repricing.inForce(accountId, month)));
	}

	/**
	 * A month's usage parts, none spanning a change or a bound it was split at, and what
	 * rates any of them.
	 *
	 * @param parts the parts with their offers
	 * @param terms the month, contract, price versions and repricing, without usage
	 */
	record SplitMonth(List<ResourceUsage> parts, RatingInput terms) {

		/** Rates some of the parts as the month-to-date view rates all of them. */
		RatingInput of(List<ResourceUsage> some) {
			return new RatingInput(this.terms.month(), this.terms.contract(), this.terms.priceBook(), some, List.of(),
					this.terms.repricing());
		}

	}

	/**
	 * Each part with the offer its entitlement had at the part's start (parts never span
	 * an offer change: rating splits the month there).
	 */
	private static List<ResourceUsage> withOffers(List<ResourceUsage> parts, EntitlementHistory.Versions history,
			BillingMonth month) {
		List<ResourceUsage> priced = new ArrayList<>(parts.size());
		for (ResourceUsage part : parts) {
			Instant start = (part.usageStart() != null) ? part.usageStart() : month.start();
			String offer = (part.entitlementId() != null) ? history.offerAt(part.entitlementId(), start) : null;
			priced.add(new ResourceUsage(part.customerId(), part.resource(), part.entitlementId(), offer, part.sku(),
					part.meter(), part.unit(), part.units(), part.usageStart(), part.usageEnd()));
		}
		return priced;
	}

	/**
	 * Rates a month of several accounts for a billing run as {@link #rate} rates each:
	 * the usage of those whose month has no price or contract change is read in one
	 * query, the others' as usual.
	 * @param contracts the accounts and their contracts
	 * @param prices what {@link #prices} answers for a currency and the month
	 * @param mayHaveRepricing whether an account may have a repricing config
	 * @return the results in the order of {@code contracts}
	 */
	@Transactional(readOnly = true)
	public Map<String, RatingResult> rateAll(Map<String, Contract> contracts, YearMonth month,
			Function<String, List<PriceVersion>> prices, Predicate<String> mayHaveRepricing) {
		BillingMonth billingMonth = billingMonth(month);
		Map<String, EntitlementHistory.Versions> histories = this.entitlements.ofAll(contracts.keySet());
		Set<String> unchanged = new HashSet<>();
		contracts.forEach((account, contract) -> {
			if (changes(billingMonth, contract, prices.apply(contract.currencyCode()), history(histories, account))
				.isEmpty()) {
				unchanged.add(account);
			}
		});
		Map<String, List<ResourceUsage>> parts = unchanged.isEmpty() ? Map.of()
				: this.usage.monthParts(unchanged, billingMonth);
		Map<String, RatingResult> results = new LinkedHashMap<>();
		contracts.forEach((account, contract) -> {
			List<PriceVersion> versions = prices.apply(contract.currencyCode());
			boolean repricing = mayHaveRepricing.test(account);
			EntitlementHistory.Versions history = history(histories, account);
			results.put(account,
					unchanged.contains(account)
							? rate(account, contract, billingMonth, versions, repricing,
									withOffers(parts.getOrDefault(account, List.of()), history, billingMonth))
							: rate(account, contract, null, billingMonth, versions, repricing, history));
		});
		return results;
	}

	private static EntitlementHistory.Versions history(Map<String, EntitlementHistory.Versions> histories,
			String account) {
		return histories.getOrDefault(account, EntitlementHistory.Versions.NONE);
	}

	/**
	 * The instants inside the month where a price version, the contract or the offer of
	 * an entitlement changes.
	 */
	private static List<Instant> changes(BillingMonth month, Contract contract, List<PriceVersion> prices,
			EntitlementHistory.Versions history) {
		TreeSet<Instant> changes = new TreeSet<>(history.offerChanges(month.start(), month.end()));
		prices.stream()
			.map(PriceVersion::effectiveFrom)
			.filter((at) -> at.isAfter(month.start()) && at.isBefore(month.end()))
			.forEach(changes::add);
		contract.discounts()
			.stream()
			.map(Contract.Discount::effectiveFrom)
			.filter((at) -> at.isAfter(month.start()) && at.isBefore(month.end()))
			.forEach(changes::add);
		return new ArrayList<>(changes);
	}

	private RatingResult rate(String accountId, Contract contract, BillingMonth month, List<PriceVersion> prices,
			boolean mayHaveRepricing, List<ResourceUsage> parts) {
		Map<String, Repricing> repricings = mayHaveRepricing ? this.repricing.inForce(accountId, month.month())
				: Map.of();
		RatingResult result = this.engine.rate(new RatingInput(month, contract, prices, parts, List.of(), repricings));
		if (!result.unrated().isEmpty()) {
			log.warn("Account {} has usage in {} that no {} price covers: {}", accountId, month.month(),
					contract.currencyCode(), result.unrated());
		}
		return result;
	}

	public BillingMonth billingMonth(YearMonth month) {
		return new BillingMonth(month, this.properties.zone());
	}

}
