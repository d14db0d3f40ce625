package com.cloudpartner.billing.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code reseller_billing_detailed_export_v1} with the values billing knows;
 * every other column of the schema is written as null (or an empty list).
 *
 * @param accountId the partner account (billing and payer account)
 * @param invoiceMonth YYYYMM
 * @param costType regular, tax, adjustment or rounding error
 * @param sku the SKU's name, or {@code null}
 * @param usageStart the start of the usage window, or {@code null}
 * @param usageEnd the end of the usage window, or {@code null}
 * @param resource the resource's name, or {@code null}
 * @param cost the partner's cost
 * @param currency the currency
 * @param usageAmount the quantity, or {@code null}
 * @param usageUnit the unit, or {@code null}
 * @param credit a credit on the row, or {@code null}
 * @param adjustment an adjustment or {@code null}
 * @param customerId the customer, or {@code null}
 * @param entitlementId the entitlement, or {@code null}
 * @param customerCost the customer cost
 * @param costAtList the cost at list prices
 * @param repricingConfig the customer's repricing config name, or {@code null}
 * @param unitPrice the effective unit price of the row, or {@code null}
 * @param listPrice the unit list price, or {@code null}
 * @param context the customer and resource attributes, never {@code null}
 */
record ExportRow(String accountId, String invoiceMonth, String costType, String sku, Instant usageStart,
		Instant usageEnd, String resource, BigDecimal cost, String currency, BigDecimal usageAmount, String usageUnit,
		Credit credit, Adjustment adjustment, String customerId, String entitlementId, BigDecimal customerCost,
		BigDecimal costAtList, String repricingConfig, BigDecimal unitPrice, BigDecimal listPrice, Context context) {

	ExportRow {
		context = (context != null) ? context : Context.NONE;
	}

	/** The row's net partner cost: its cost plus its credits (credits are negative). */
	BigDecimal netCost() {
		return (this.credit != null) ? this.cost.add(this.credit.amount()) : this.cost;
	}

	/** The row's net customer cost. */
	BigDecimal netCustomerCost() {
		BigDecimal base = (this.customerCost != null) ? this.customerCost : BigDecimal.ZERO;
		return (this.credit != null && this.credit.customerAmount() != null) ? base.add(this.credit.customerAmount())
				: base;
	}

	/**
	 * A credit: an invoice's applied credit, or the monthly cap of a resource.
	 *
	 * @param id the credit's id
	 * @param fullName a readable name, or {@code null}
	 * @param type PROMOTION, SUSTAINED_USAGE_DISCOUNT, ...
	 * @param name the credit's resource name, or {@code null}
	 * @param amount the (negative) amount off the partner's cost
	 * @param customerAmount the (negative) amount off the customer cost, or {@code null}
	 */
	record Credit(String id, String fullName, String type, String name, BigDecimal amount, BigDecimal customerAmount) {
	}

	record Adjustment(String id, String description, String type, String mode) {
	}

	/**
	 * What the projections know about a row's customer and resource.
	 *
	 * @param customerDisplayName the customer's display name, or {@code null}
	 * @param correlationId the customer's external CRM id, or {@code null}
	 * @param location the resource's location (region or zone), or {@code null}
	 * @param labels the resource's labels, never {@code null}
	 */
	record Context(String customerDisplayName, String correlationId, String location, Map<String, String> labels) {

		static final Context NONE = new Context(null, null, null, Map.of());

		Context {
			labels = (labels != null) ? labels : Map.of();
		}

	}

}
