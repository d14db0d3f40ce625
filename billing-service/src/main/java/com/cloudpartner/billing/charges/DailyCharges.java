package com.cloudpartner.billing.charges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.RatingEngine;
import com.cloudpartner.billing.rating.RatingResult;
import com.cloudpartner.billing.rating.ResourceUsage;

import org.springframework.stereotype.Service;

/**
 * A month's charges per calendar day of the billing time zone, as differences of the
 * month to date (decision 0055): day d is the month to date through the end of d minus
 * the month to date through the end of the day before, where "through t" is what the
 * month-to-date view answers if only the usage starting before t existed. The days
 * therefore add up exactly to the month to date, a capped resource accrues nothing once
 * it reached its monthly price, and price, contract and offer changes apply as they do in
 * the month to date. The usage is read once, split at the days' ends, and its prefixes
 * are rated.
 */
@Service
class DailyCharges {

	private final AccountRating rating;

	private final CurrentMonthCharges months;

	private final ZoneId zone;

	private final RatingEngine engine = new RatingEngine();

	DailyCharges(AccountRating rating, CurrentMonthCharges months, BillingProperties properties) {
		this.rating = rating;
		this.months = months;
		this.zone = properties.zone();
	}

	/**
	 * The days of a month: every day of a past month, through today for the current one,
	 * none for a future one; and through the last day that holds usage when usage was
	 * reported ahead of that (so that the days always add up to the month to date).
	 * @param customerId a customer, or {@code null} for the whole account
	 * @param now the billing clock
	 */
	Daily of(String accountId, String customerId, YearMonth month, Instant now) {
		Contract contract = this.months.contract(accountId);
		List<Instant> dayEnds = new ArrayList<>();
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			dayEnds.add(month.atDay(day).plusDays(1).atStartOfDay(this.zone).toInstant());
		}
		AccountRating.SplitMonth split = this.rating.split(accountId, contract, customerId, month, dayEnds);
		List<ResourceUsage> parts = split.parts()
			.stream()
			.sorted(Comparator.comparing(ResourceUsage::usageStart))
			.toList();
		int scale = RatingEngine.scale(contract.currencyCode());
		Amounts before = Amounts.zero(scale);
		List<Day> days = new ArrayList<>();
		int rated = 0;
		RatingResult cumulative = null;
		int last = lastDay(month, now, parts);
		for (int day = 1; day <= last; day++) {
			Instant end = dayEnds.get(day - 1);
			int through = rated;
			while (through < parts.size() && parts.get(through).usageStart().isBefore(end)) {
				through++;
			}
			if (through > rated || cumulative == null) {
				cumulative = this.engine.rate(split.of(parts.subList(0, through)));
				rated = through;
			}
			Amounts after = Amounts.of(cumulative);
			days.add(new Day(month.atDay(day), after.minus(before)));
			before = after;
		}
		return new Daily(month, contract.currencyCode(), before, days);
	}

	/** The last day shown, 0 for none. */
	private int lastDay(YearMonth month, Instant now, List<ResourceUsage> parts) {
		LocalDate today = now.atZone(this.zone).toLocalDate();
		YearMonth current = YearMonth.from(today);
		int last = month.isBefore(current) ? month.lengthOfMonth() : month.equals(current) ? today.getDayOfMonth() : 0;
		for (ResourceUsage part : parts) {
			if (part.units().signum() != 0) {
				last = Math.max(last, part.usageStart().atZone(this.zone).getDayOfMonth());
			}
		}
		return last;
	}

	/**
	 * The charges of a month per day.
	 *
	 * @param month the month
	 * @param currencyCode the account's currency
	 * @param total the month to date (the sum of the days)
	 * @param days the days, the first of the month first
	 */
	record Daily(YearMonth month, String currencyCode, Amounts total, List<Day> days) {

	}

	/**
	 * One day's charges.
	 *
	 * @param date the calendar day in the billing time zone
	 * @param amounts what the day added to the month to date
	 */
	record Day(LocalDate date, Amounts amounts) {

	}

	/**
	 * Amounts in the currency's minor unit, as the month to date rounds them.
	 *
	 * @param costAtList at list prices
	 * @param cost the partner's supply cost
	 * @param customerCost charged to customers
	 */
	record Amounts(BigDecimal costAtList, BigDecimal cost, BigDecimal customerCost) {

		static Amounts zero(int scale) {
			BigDecimal zero = BigDecimal.ZERO.setScale(scale);
			return new Amounts(zero, zero, zero);
		}

		static Amounts of(RatingResult result) {
			return new Amounts(result.costAtList(), result.cost(), result.customerCost());
		}

		Amounts minus(Amounts other) {
			return new Amounts(this.costAtList.subtract(other.costAtList), this.cost.subtract(other.cost),
					this.customerCost.subtract(other.customerCost));
		}

	}

}
