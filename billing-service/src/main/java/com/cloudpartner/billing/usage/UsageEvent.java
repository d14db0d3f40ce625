package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import com.cloudpartner.billing.rating.MeterUnit;

/**
 * A valid {@code usage.recorded} CloudEvent: the metering source's report that a resource
 * used a meter during a window.
 *
 * @param id the event id, unique per source
 * @param source the metering source
 * @param subject the resource's name
 * @param time when the source recorded it, or {@code null}
 * @param accountId the partner account
 * @param customerId the customer
 * @param entitlementId the entitlement the resource belongs to
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param unit the meter's unit
 * @param quantity the quantity (for HOUR and DAY meters, above zero means billable)
 * @param windowStart start of the window, inclusive
 * @param windowEnd end of the window, exclusive
 * @param location the resource's region or zone, or {@code null} (optional field)
 * @param labels the resource's labels, empty when not reported (optional field)
 */
record UsageEvent(String id, String source, String subject, Instant time, String accountId, String customerId,
		String entitlementId, String sku, String meter, MeterUnit unit, BigDecimal quantity, Instant windowStart,
		Instant windowEnd, String location, Map<String, String> labels) {

	static final String TYPE = "usage.recorded";

	UsageEvent {
		labels = (labels != null) ? labels : Map.of();
	}

	UsageEvent(String id, String source, String subject, Instant time, String accountId, String customerId,
			String entitlementId, String sku, String meter, MeterUnit unit, BigDecimal quantity, Instant windowStart,
			Instant windowEnd) {
		this(id, source, subject, time, accountId, customerId, entitlementId, sku, meter, unit, quantity, windowStart,
				windowEnd, null, Map.of());
	}

	/** Whether the event reports the resource's location or labels. */
	boolean hasAttributes() {
		return this.location != null || !this.labels.isEmpty();
	}

	boolean isBillable() {
		return this.quantity.signum() > 0;
	}

}
