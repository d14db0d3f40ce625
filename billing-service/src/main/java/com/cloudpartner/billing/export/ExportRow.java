package com.cloudpartner.billing.export;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code reseller_billing_detailed_export_v1} with the values billing knows;
 * every other column of the schema is written as null (or an empty list).
 *
 * @param accountId the partner account (billing and payer account)
 * @param invoiceMonth YYYYMM
 * @param costType regular, tax, adjustment or rounding error
 * @param sku the SKU's name, or {@code null}
 * @param usageStart the first instant of usage, or {@code null}
 * @param usageEnd the end of usage, or {@code null}
 * @param resource the resource's name, or {@code null}
 * @param cost the partner's cost
 * @param currency the currency
 * @param usageAmount the quantity, or {@code null}
 * @param usageUnit the unit, or {@code null}
 * @param credit a credit (id, type, amount) or {@code null}
 * @param adjustment an adjustment or {@code null}
 * @param customerId the customer, or {@code null}
 * @param entitlementId the entitlement, or {@code null}
 * @param customerCost the customer cost
 * @param costAtList the cost at list prices
 * @param repricingConfig the customer's repricing config name, or {@code null}
 * @param listPrice the unit list price, or {@code null}
 * @param offer the offer, or {@code null}
 */
record ExportRow(String accountId, String invoiceMonth, String costType, String sku, Instant usageStart,
		Instant usageEnd, String resource, BigDecimal cost, String currency, BigDecimal usageAmount, String usageUnit,
		Credit credit, Adjustment adjustment, String customerId, String entitlementId, BigDecimal customerCost,
		BigDecimal costAtList, String repricingConfig, BigDecimal listPrice, String offer) {

	record Credit(String id, String type, BigDecimal amount) {
	}

	record Adjustment(String id, String description, String type, String mode) {
	}

}
