package com.cloudpartner.billing.charges;

import java.time.Instant;
import java.time.YearMonth;

import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.RatingResult;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;

/**
 * Month-to-date charges: the account's usage so far, rated with the price book, the
 * partner's contract and the customers' repricing. Nothing is stored; billing runs rate
 * the same way and keep the result as an invoice.
 */
@Service
class CurrentMonthCharges {

	private final AccountRating rating;

	private final BillingProperties properties;

	CurrentMonthCharges(AccountRating rating, BillingProperties properties) {
		this.rating = rating;
		this.properties = properties;
	}

	RatingResult rate(String accountId, String customerId, YearMonth month) {
		Contract contract = this.rating.contract(accountId)
			.orElseThrow(() -> ApiProblem.notFound("ACCOUNT_NOT_FOUND",
					"Billing knows no contract of account " + accountId + "."));
		return this.rating.rate(accountId, contract, customerId, month);
	}

	YearMonth currentMonth(Instant now) {
		return BillingMonth.of(now, this.properties.zone()).month();
	}

}
