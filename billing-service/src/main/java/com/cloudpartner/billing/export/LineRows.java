package com.cloudpartner.billing.export;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The export rows of one invoice line, built as its resources and their usage windows
 * stream by (nothing is kept but running sums):
 * <ul>
 * <li>one {@code regular} row per usage window (an hour, a day, or a quantity meter's
 * reported window) at the resource's rate before any monthly rule: amount x gross /
 * units, rounded HALF_UP to the currency's minor unit;</li>
 * <li>per resource whose monthly cap brought it below its hourly charges, one row whose
 * {@code credits[]} hold a {@code SUSTAINED_USAGE_DISCOUNT} of the difference (and
 * {@code cost_at_list} the difference at list prices); when the full-month rule charged
 * the monthly price above the hourly sum, one {@code regular} row of the difference;</li>
 * <li>one {@code rounding error} row when the rounded rows do not add up to the
 * line.</li>
 * </ul>
 * A line's rows therefore add up to the line exactly: cost + credits, customer cost +
 * credits' customer amounts, and cost at list. Pure, so that a property can check it.
 */
final class LineRows {

	static final String MONTHLY_CAP = "SUSTAINED_USAGE_DISCOUNT";

	private final Line line;

	private final int scale;

	private final Consumer<ExportRow> sink;

	private Item item;

	private BigDecimal cost = BigDecimal.ZERO;

	private BigDecimal customerCost = BigDecimal.ZERO;

	private BigDecimal costAtList = BigDecimal.ZERO;

	LineRows(Line line, int scale, Consumer<ExportRow> sink) {
		this.line = line;
		this.scale = scale;
		this.sink = sink;
	}

	/** The next resource of the line; its windows follow. */
	void item(Item next) {
		finishItem();
		this.item = next;
	}

	/** A usage window of the current resource. */
	void window(Instant start, Instant end, BigDecimal amount) {
		Item i = this.item;
		BigDecimal units = i.units();
		boolean none = units.signum() == 0 || amount.signum() == 0;
		BigDecimal gross = none ? BigDecimal.ZERO : share(i.grossCost(), amount, units);
		BigDecimal grossCustomer = none ? BigDecimal.ZERO : share(i.grossCustomerCost(), amount, units);
		BigDecimal grossList = none ? BigDecimal.ZERO : share(i.grossCostAtList(), amount, units);
		emit(new ExportRow(this.line.accountId(), this.line.invoiceMonth(), "regular", this.line.sku(), start, end,
				i.resource(), round(gross), this.line.currency(), amount, i.unit(), null, null, this.line.customerId(),
				i.entitlementId(), round(grossCustomer), round(grossList), i.repricingConfig(), i.listPrice(),
				i.listPrice(), i.context()));
	}

	/** Ends the line: the last resource's monthly rule and the rounding row. */
	void finish() {
		finishItem();
		BigDecimal cost = this.line.cost().subtract(this.cost);
		BigDecimal customerCost = this.line.customerCost().subtract(this.customerCost);
		BigDecimal costAtList = this.line.costAtList().subtract(this.costAtList);
		if (cost.signum() != 0 || customerCost.signum() != 0 || costAtList.signum() != 0) {
			emit(new ExportRow(this.line.accountId(), this.line.invoiceMonth(), "rounding error", this.line.sku(), null,
					null, null, cost, this.line.currency(), null, null, null, null, this.line.customerId(), null,
					customerCost, costAtList, null, null, null, this.line.context()));
		}
	}

	private void finishItem() {
		Item i = this.item;
		this.item = null;
		if (i == null) {
			return;
		}
		BigDecimal cost = round(i.cost().subtract(i.grossCost()));
		BigDecimal customerCost = round(i.customerCost().subtract(i.grossCustomerCost()));
		BigDecimal costAtList = round(i.costAtList().subtract(i.grossCostAtList()));
		if (cost.signum() == 0 && customerCost.signum() == 0 && costAtList.signum() == 0) {
			return;
		}
		if (cost.signum() <= 0 && customerCost.signum() <= 0 && costAtList.signum() <= 0) {
			ExportRow.Credit cap = new ExportRow.Credit("monthly-cap", "Monthly price cap", MONTHLY_CAP, null, cost,
					customerCost);
			emit(new ExportRow(this.line.accountId(), this.line.invoiceMonth(), "regular", this.line.sku(),
					i.usageStart(), i.usageEnd(), i.resource(), zero(), this.line.currency(), BigDecimal.ZERO, i.unit(),
					cap, null, this.line.customerId(), i.entitlementId(), zero(), costAtList, i.repricingConfig(),
					i.monthlyPrice(), i.listPrice(), i.context()));
			return;
		}
		// the full-month rule: the monthly price although the hours came to less
		emit(new ExportRow(this.line.accountId(), this.line.invoiceMonth(), "regular", this.line.sku(), i.usageStart(),
				i.usageEnd(), i.resource(), cost, this.line.currency(), BigDecimal.ZERO, i.unit(), null, null,
				this.line.customerId(), i.entitlementId(), customerCost, costAtList, i.repricingConfig(),
				i.monthlyPrice(), i.listPrice(), i.context()));
	}

	private void emit(ExportRow row) {
		this.cost = this.cost.add(row.netCost());
		this.customerCost = this.customerCost.add(row.netCustomerCost());
		this.costAtList = this.costAtList.add(row.costAtList());
		this.sink.accept(row);
	}

	private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
		return amount.multiply(part).divide(whole, MathContext.DECIMAL128);
	}

	private BigDecimal round(BigDecimal amount) {
		return amount.setScale(this.scale, RoundingMode.HALF_UP);
	}

	private BigDecimal zero() {
		return BigDecimal.ZERO.setScale(this.scale);
	}

	/**
	 * A regular invoice line, rounded amounts.
	 *
	 * @param accountId the partner account
	 * @param invoiceMonth YYYYMM
	 * @param currency the currency
	 * @param customerId the customer
	 * @param sku the SKU
	 * @param costAtList at list
	 * @param cost the partner's cost
	 * @param customerCost the customer cost
	 * @param context the customer's attributes
	 */
	record Line(String accountId, String invoiceMonth, String currency, String customerId, String sku,
			BigDecimal costAtList, BigDecimal cost, BigDecimal customerCost, ExportRow.Context context) {
	}

	/**
	 * A resource behind a line, exact amounts.
	 *
	 * @param resource the resource
	 * @param entitlementId the entitlement, or {@code null}
	 * @param unit the unit
	 * @param units billable periods or the summed quantity
	 * @param usageStart the first instant used
	 * @param usageEnd the end of the last period used
	 * @param listPrice the unit list price
	 * @param monthlyPrice the monthly price, or {@code null}
	 * @param costAtList at list after the monthly rule
	 * @param cost the partner's cost after it
	 * @param customerCost the customer cost after it
	 * @param grossCostAtList units x unit price, or {@code null} when not recorded
	 * @param grossCost the supply cost of that
	 * @param grossCustomerCost the customer cost of that
	 * @param repricingConfig the repricing config, or {@code null}
	 * @param context the customer's and resource's attributes
	 */
	record Item(String resource, String entitlementId, String unit, BigDecimal units, Instant usageStart,
			Instant usageEnd, BigDecimal listPrice, BigDecimal monthlyPrice, BigDecimal costAtList, BigDecimal cost,
			BigDecimal customerCost, BigDecimal grossCostAtList, BigDecimal grossCost, BigDecimal grossCustomerCost,
			String repricingConfig, ExportRow.Context context) {

		/** Items stored before gross amounts were: their windows share the amounts. */
		Item {
			if (grossCost == null) {
				grossCostAtList = costAtList;
				grossCost = cost;
				grossCustomerCost = customerCost;
			}
		}

	}

}
