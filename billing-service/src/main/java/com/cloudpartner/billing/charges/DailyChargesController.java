package com.cloudpartner.billing.charges;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A month's charges per day, beside the month to date ({@link CurrentMonthController}):
 * what each calendar day of the billing time zone added to it (decision 0055).
 */
@RestController
@Tag(name = "Billing", description = "Month-to-date charges.")
class DailyChargesController {

	static final String DEFINITION = "Days are calendar days in the billing time zone (Asia/Seoul by default): every "
			+ "day of a past month, each day through today of the current month, none of a future month (unless "
			+ "usage was already reported for its days). A day's amount is the month to date through the end of "
			+ "that day, rounded as the month to date rounds it, minus the same through the end of the day before; "
			+ "\"through t\" is exactly what current-month answers if only the usage that started before t existed "
			+ "(each billable hour or day, each quantity's window). So the days add up exactly to the totals of "
			+ "current-month, a resource that reached its monthly price accrues 0 after that day, and price, "
			+ "contract and offer changes inside the month apply as they do there.";

	private static final String MONTH_DOC = "YYYY-MM; the current month in the billing time zone by default";

	private static final String CUSTOMER_EXAMPLE = """
			{"month":"2026-12","asOf":"2026-12-03T05:00:00Z","currencyCode":"KRW",
			 "customerCost":{"currencyCode":"KRW","amount":"2430"},
			 "days":[{"date":"2026-12-01","customerCost":{"currencyCode":"KRW","amount":"1080"}},
			         {"date":"2026-12-02","customerCost":{"currencyCode":"KRW","amount":"1080"}},
			         {"date":"2026-12-03","customerCost":{"currencyCode":"KRW","amount":"270"}}]}""";

	private static final String PARTNER_EXAMPLE = """
			{"month":"2026-12","asOf":"2026-12-03T05:00:00Z","currencyCode":"KRW",
			 "costAtList":{"currencyCode":"KRW","amount":"2430"},"cost":{"currencyCode":"KRW","amount":"1944"},
			 "customerCost":{"currencyCode":"KRW","amount":"2430"},
			 "days":[{"date":"2026-12-01","costAtList":{"currencyCode":"KRW","amount":"1080"},
			          "cost":{"currencyCode":"KRW","amount":"864"},"customerCost":{"currencyCode":"KRW","amount":"1080"}},
			         {"date":"2026-12-02","costAtList":{"currencyCode":"KRW","amount":"1080"},
			          "cost":{"currencyCode":"KRW","amount":"864"},"customerCost":{"currencyCode":"KRW","amount":"1080"}},
			         {"date":"2026-12-03","costAtList":{"currencyCode":"KRW","amount":"270"},
			          "cost":{"currencyCode":"KRW","amount":"216"},"customerCost":{"currencyCode":"KRW","amount":"270"}}]}""";

	private final DailyCharges daily;

	private final CurrentMonthCharges months;

	private final BillingClock clock;

	DailyChargesController(DailyCharges daily, CurrentMonthCharges months, BillingClock clock) {
		this.daily = daily;
		this.months = months;
		this.clock = clock;
	}

	@GetMapping("/v1/accounts/{accountId}/billing/daily")
	@Operation(summary = "Charges of a partner account per day of a month",
			description = "List price, the partner's supply cost and the customer cost that each day added to the "
					+ "month to date of all customers. " + DEFINITION)
	@ApiResponse(responseCode = "200", description = "The month's days",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "a server at 45 KRW an hour, 20% supply discount",
							value = PARTNER_EXAMPLE)))
	PartnerDaily forAccount(VerifiedToken token, @PathVariable String accountId,
			@Parameter(description = MONTH_DOC, example = "2026-12") @RequestParam(required = false) String month) {
		Access.requireAccountRead(token, accountId);
		Instant now = now();
		DailyCharges.Daily result = this.daily.of(accountId, null, this.months.month(month, now), now);
		String currency = result.currencyCode();
		DailyCharges.Amounts total = result.total();
		return new PartnerDaily(result.month().toString(), now, currency, Money.of(currency, total.costAtList()),
				Money.of(currency, total.cost()), Money.of(currency, total.customerCost()),
				result.days().stream().map((day) -> PartnerDay.of(currency, day)).toList());
	}

	@GetMapping("/v1/accounts/{accountId}/customers/{customerId}/billing/daily")
	@Operation(summary = "Charges of one customer per day of a month, at customer prices",
			description = "The customer cost that each day added to the customer's month to date; the partner's "
					+ "supply cost is never shown here. " + DEFINITION)
	@ApiResponse(responseCode = "200", description = "The month's days",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					examples = @ExampleObject(name = "a server at 45 KRW an hour", value = CUSTOMER_EXAMPLE)))
	CustomerDaily forCustomer(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@Parameter(description = MONTH_DOC, example = "2026-12") @RequestParam(required = false) String month) {
		Access.requireCustomer(token, accountId, customerId);
		Instant now = now();
		DailyCharges.Daily result = this.daily.of(accountId, customerId, this.months.month(month, now), now);
		String currency = result.currencyCode();
		return new CustomerDaily(result.month().toString(), now, currency,
				Money.of(currency, result.total().customerCost()),
				result.days()
					.stream()
					.map((day) -> new CustomerDay(day.date(), Money.of(currency, day.amounts().customerCost())))
					.toList());
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	/**
	 * A partner account's month per day.
	 *
	 * @param month YYYY-MM
	 * @param asOf when it was rated
	 * @param currencyCode the account's currency
	 * @param costAtList the month to date at list prices (the sum of the days)
	 * @param cost the month to date's supply cost to the partner
	 * @param customerCost the month to date charged to customers
	 * @param days what each day added, the first of the month first
	 */
	record PartnerDaily(String month, Instant asOf, String currencyCode, Money costAtList, Money cost,
			Money customerCost, List<PartnerDay> days) {
	}

	/**
	 * What one day added to a partner account's month to date.
	 *
	 * @param date the calendar day in the billing time zone
	 * @param costAtList at list prices
	 * @param cost supply cost to the partner
	 * @param customerCost charged to customers
	 */
	record PartnerDay(LocalDate date, Money costAtList, Money cost, Money customerCost) {

		static PartnerDay of(String currency, DailyCharges.Day day) {
			DailyCharges.Amounts amounts = day.amounts();
			return new PartnerDay(day.date(), Money.of(currency, amounts.costAtList()),
					Money.of(currency, amounts.cost()), Money.of(currency, amounts.customerCost()));
		}

	}

	/**
	 * A customer's month per day, at customer prices only.
	 *
	 * @param month YYYY-MM
	 * @param asOf when it was rated
	 * @param currencyCode the currency
	 * @param customerCost the month to date (the sum of the days)
	 * @param days what each day added, the first of the month first
	 */
	record CustomerDaily(String month, Instant asOf, String currencyCode, Money customerCost, List<CustomerDay> days) {
	}

	/**
	 * What one day added to a customer's month to date.
	 *
	 * @param date the calendar day in the billing time zone
	 * @param customerCost charged to the customer
	 */
	record CustomerDay(LocalDate date, Money customerCost) {
	}

}
