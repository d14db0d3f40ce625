package com.cloudpartner.billing.charges;

import com.cloudpartner.billing.config.BillingClock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.billing.rating.RatedLine;
import com.cloudpartner.billing.rating.RatingResult;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Billing", description = "Month-to-date charges.")
class CurrentMonthController {

	private final CurrentMonthCharges charges;

	private final BillingClock clock;

	CurrentMonthController(CurrentMonthCharges charges, BillingClock clock) {
		this.charges = charges;
		this.clock = clock;
	}

	@GetMapping("/v1/accounts/{accountId}/billing/current-month")
	@Operation(summary = "Month-to-date charges of a partner account",
			description = "List price, the partner's supply cost and the customer cost per customer, SKU and meter.")
	PartnerCharges forAccount(VerifiedToken token, @PathVariable String accountId,
			@Parameter(description = "YYYY-MM; the current month in the billing time zone by default",
					example = "2026-11") @RequestParam(required = false) String month) {
		Access.requireAccountRead(token, accountId);
		Instant now = now();
		RatingResult result = this.charges.rate(accountId, null, month(month, now));
		String currency = result.currencyCode();
		return new PartnerCharges(result.month().toString(), now, currency, Money.of(currency, result.costAtList()),
				Money.of(currency, result.cost()), Money.of(currency, result.customerCost()),
				result.lines().stream().map((line) -> PartnerLine.of(accountId, currency, line)).toList(),
				unrated(accountId, result));
	}

	@GetMapping("/v1/accounts/{accountId}/customers/{customerId}/billing/current-month")
	@Operation(summary = "Month-to-date charges of one customer, at customer prices",
			description = "What the customer is charged; the partner's supply cost is never shown here.")
	CustomerCharges forCustomer(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@Parameter(description = "YYYY-MM; the current month in the billing time zone by default",
					example = "2026-11") @RequestParam(required = false) String month) {
		Access.requireCustomer(token, accountId, customerId);
		Instant now = now();
		RatingResult result = this.charges.rate(accountId, customerId, month(month, now));
		String currency = result.currencyCode();
		return new CustomerCharges(result.month().toString(), now, currency, Money.of(currency, result.customerCost()),
				result.lines().stream().map((line) -> CustomerLine.of(accountId, currency, line)).toList(),
				unrated(accountId, result));
	}

	private static List<UnratedLine> unrated(String accountId, RatingResult result) {
		return result.unrated()
			.stream()
			.map((u) -> new UnratedLine(customerName(accountId, u.customerId()), u.sku(), u.meter(),
					u.quantity().toPlainString(), UnratedLine.NO_PRICE))
			.toList();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

	private YearMonth month(String month, Instant now) {
		return this.charges.month(month, now);
	}

	private static String customerName(String accountId, String customerId) {
		return "accounts/" + accountId + "/customers/" + customerId;
	}

	/**
	 * A partner account's month to date.
	 *
	 * @param month YYYY-MM
	 * @param asOf when it was rated
	 * @param currencyCode the account's currency
	 * @param costAtList total at list prices
	 * @param cost total supply cost to the partner
	 * @param customerCost total charged to customers
	 * @param lines per customer, SKU and meter
	 * @param unrated usage recorded but not priced (not in the totals); empty unless
	 * usage reached billing without passing the API's checks
	 */
	record PartnerCharges(String month, Instant asOf, String currencyCode, Money costAtList, Money cost,
			Money customerCost, List<PartnerLine> lines, List<UnratedLine> unrated) {
	}

	/**
	 * Usage that billing recorded and cannot price (decision 0054): shown, never charged
	 * at zero silently; priced as soon as a price covering it exists.
	 *
	 * @param customer the customer's name
	 * @param sku the SKU's name
	 * @param meter the meter
	 * @param quantity billable hours or days, or the quantity (decimal string)
	 * @param reason why: {@code NO_PRICE_IN_EFFECT}
	 */
	record UnratedLine(String customer, String sku, String meter, String quantity, String reason) {

		static final String NO_PRICE = "NO_PRICE_IN_EFFECT";

	}

	/**
	 * One line of a partner's charges.
	 *
	 * @param customer the customer's name
	 * @param sku the SKU's name
	 * @param meter the meter
	 * @param quantity billable hours or days, or the quantity used (decimal string)
	 * @param costAtList at list prices
	 * @param cost supply cost to the partner
	 * @param customerCost charged to the customer
	 */
	record PartnerLine(String customer, String sku, String meter, String quantity, Money costAtList, Money cost,
			Money customerCost) {

		static PartnerLine of(String accountId, String currency, RatedLine line) {
			return new PartnerLine(customerName(accountId, line.customerId()), line.sku(), line.meter(),
					line.quantity().toPlainString(), Money.of(currency, line.costAtList()),
					Money.of(currency, line.cost()), Money.of(currency, line.customerCost()));
		}

	}

	/**
	 * A customer's month to date, at customer prices only.
	 *
	 * @param month YYYY-MM
	 * @param asOf when it was rated
	 * @param currencyCode the currency
	 * @param customerCost the total charged
	 * @param lines per SKU and meter
	 * @param unrated usage recorded but not priced (not in the total)
	 */
	record CustomerCharges(String month, Instant asOf, String currencyCode, Money customerCost,
			List<CustomerLine> lines, List<UnratedLine> unrated) {
	}

	/**
	 * One line of a customer's charges.
	 *
	 * @param customer the customer's name
	 * @param sku the SKU's name
	 * @param meter the meter
	 * @param quantity billable hours or days, or the quantity used (decimal string)
	 * @param customerCost charged to the customer
	 */
	record CustomerLine(String customer, String sku, String meter, String quantity, Money customerCost) {

		static CustomerLine of(String accountId, String currency, RatedLine line) {
			return new CustomerLine(customerName(accountId, line.customerId()), line.sku(), line.meter(),
					line.quantity().toPlainString(), Money.of(currency, line.customerCost()));
		}

	}

}
