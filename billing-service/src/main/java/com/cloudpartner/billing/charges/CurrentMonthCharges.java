package com.cloudpartner.billing.charges;

import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;

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

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private final AccountRating rating;

	private final BillingProperties properties;

	CurrentMonthCharges(AccountRating rating, BillingProperties properties) {
		this.rating = rating;
		this.properties = properties;
	}

	RatingResult rate(String accountId, String customerId, YearMonth month) {
		return this.rating.rate(accountId, contract(accountId), customerId, month);
	}

	/** The account's contract; 404 {@code ACCOUNT_NOT_FOUND} when billing knows none. */
	Contract contract(String accountId) {
		return this.rating.contract(accountId)
			.orElseThrow(() -> ApiProblem.notFound("ACCOUNT_NOT_FOUND",
					"Billing knows no contract of account " + accountId + "."));
	}

	YearMonth currentMonth(Instant now) {
		return BillingMonth.of(now, this.properties.zone()).month();
	}

	/**
	 * The month a request asks for: {@code YYYY-MM}, or the current month in the billing
	 * time zone when it names none.
	 * @throws ApiProblem 400 {@code VALIDATION_FAILED} when it is no such month
	 */
	YearMonth month(String month, Instant now) {
		if (month == null || month.isBlank()) {
			return currentMonth(now);
		}
		if (!MONTH.matcher(month).matches()) {
			throw ApiProblem.invalidField("month", "must be a month as YYYY-MM");
		}
		return YearMonth.parse(month);
	}

}
