package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import com.cloudpartner.billing.rating.RatedItem;

/**
 * An invoice before it is issued: what the guard checks and the issuer stores.
 *
 * @param accountId the partner account
 * @param invoiceId the invoice id (one per account and month)
 * @param month the month billed
 * @param currencyCode the currency
 * @param lines the lines, numbered from 1 in order
 * @param credits credits applied, oldest first
 * @param subtotal the sum of the lines' cost
 * @param creditTotal the sum of the credits applied
 * @param tax VAT on subtotal after credits, rounded down
 * @param total subtotal - credits + tax
 * @param issuedAt when it is issued
 * @param dueAt when it falls due
 */
record InvoiceDraft(String accountId, String invoiceId, YearMonth month, String currencyCode, List<Line> lines,
		List<AppliedCredit> credits, BigDecimal subtotal, BigDecimal creditTotal, BigDecimal tax, BigDecimal total,
		Instant issuedAt, Instant dueAt) {

	enum Kind {

		/** The month's usage per customer, SKU and meter. */
		REGULAR,
		/** Late usage of an invoiced month, pointing at that month. */
		USAGE_CORRECTION,
		/** Granted by an operator. */
		ADJUSTMENT

	}

	/**
	 * One invoice line; amounts rounded to the currency's minor unit.
	 *
	 * @param kind what it charges
	 * @param usageMonth the month of the usage it charges or corrects
	 * @param customerId the customer, or {@code null} for an operator adjustment
	 * @param sku the SKU, or {@code null}
	 * @param meter the meter, or {@code null}
	 * @param quantity the quantity, or {@code null}
	 * @param costAtList at list prices
	 * @param cost the partner's cost (what the invoice charges)
	 * @param customerCost the customers' cost
	 * @param adjustmentId the adjustment, or {@code null}
	 * @param adjustmentType its type, or {@code null}
	 * @param description a human description
	 * @param correctsInvoiceLine the line it corrects ({@code invoiceId/lineNo}), or
	 * {@code null}
	 * @param items the resources behind a regular line
	 */
	record Line(Kind kind, YearMonth usageMonth, String customerId, String sku, String meter, BigDecimal quantity,
			BigDecimal costAtList, BigDecimal cost, BigDecimal customerCost, String adjustmentId, String adjustmentType,
			String description, String correctsInvoiceLine, List<RatedItem> items) {
	}

	/**
	 * A credit applied to the invoice.
	 *
	 * @param creditId the credit
	 * @param amount the part of it used here
	 */
	record AppliedCredit(String creditId, BigDecimal amount) {
	}

}
