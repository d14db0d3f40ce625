package com.cloudpartner.billing.charges;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.account.AccountContracts;
import com.cloudpartner.billing.account.AccountContracts.AccountContract;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.pricebook.PriceBookRepository;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.RatingEngine;
import com.cloudpartner.billing.rating.RatingInput;
import com.cloudpartner.billing.rating.RatingResult;
import com.cloudpartner.billing.rating.ResourceUsage;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Month-to-date charges: the account's usage so far, rated with the price book and the
 * partner's contract. Nothing is stored; billing runs will rate the same way and keep the
 * result as an invoice.
 */
@Service
class CurrentMonthCharges {

	private static final Logger log = LoggerFactory.getLogger(CurrentMonthCharges.class);

	private final AccountContracts contracts;

	private final PriceBookRepository priceBook;

	private final UsageQueries usage;

	private final RatingEngine engine = new RatingEngine();

	private final BillingProperties properties;

	CurrentMonthCharges(AccountContracts contracts, PriceBookRepository priceBook, UsageQueries usage,
			BillingProperties properties) {
		this.contracts = contracts;
		this.priceBook = priceBook;
		this.usage = usage;
		this.properties = properties;
	}

	/**
	 * Rates a month of an account, or of one of its customers.
	 * @param accountId the partner account
	 * @param customerId a customer of it, or {@code null} for all
	 * @param month the month in the billing time zone
	 */
	@Transactional(readOnly = true)
	RatingResult rate(String accountId, String customerId, YearMonth month) {
		AccountContract account = this.contracts.find(accountId)
			.filter(AccountContract::hasContract)
			.orElseThrow(() -> ApiProblem.notFound("ACCOUNT_NOT_FOUND",
					"Billing knows no contract of account " + accountId + "."));
		BillingMonth billingMonth = new BillingMonth(month, this.properties.zone());
		List<ResourceUsage> resources = new ArrayList<>(this.usage.hours(accountId, customerId, billingMonth));
		resources.addAll(this.usage.days(accountId, customerId, billingMonth));
		// Repricing configs arrive with issue 6; until then customers pay list prices.
		RatingInput input = new RatingInput(billingMonth,
				new Contract(account.supplyDiscountPercent(), account.currencyCode()),
				this.priceBook.versionsBefore(account.currencyCode(), billingMonth.end()), resources,
				this.usage.quantities(accountId, customerId, billingMonth), Map.of());
		RatingResult result = this.engine.rate(input);
		if (!result.unrated().isEmpty()) {
			log.warn("Account {} has usage in {} that no {} price covers: {}", accountId, month, account.currencyCode(),
					result.unrated());
		}
		return result;
	}

	YearMonth currentMonth(java.time.Instant now) {
		return BillingMonth.of(now, this.properties.zone()).month();
	}

}
