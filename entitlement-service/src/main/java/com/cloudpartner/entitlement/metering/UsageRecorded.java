package com.cloudpartner.entitlement.metering;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The data of {@code usage.recorded} (docs/events/usage.recorded.json) as metering
 * publishes it.
 *
 * @param accountId the partner that owned the resource in the window
 * @param customerId its customer
 * @param entitlementId the entitlement it was billed under
 * @param sku the SKU's resource name
 * @param meter the meter
 * @param unit HOUR or GB
 * @param quantity a decimal string
 * @param windowStart the hour's start
 * @param windowEnd the hour's end
 * @param location the region or zone the resource ran in (optional for consumers)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UsageRecorded(String accountId, String customerId, String entitlementId, String sku, String meter, String unit,
		String quantity, Instant windowStart, Instant windowEnd, String location) {

}
