package com.cloudpartner.billing.config;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Billing settings.
 *
 * @param zone the billing time zone: month boundaries, billable hours and days
 * @param demoData whether to seed the local demo partner's contract (profile
 * {@code local})
 */
@ConfigurationProperties("platform.billing")
public record BillingProperties(ZoneId zone, boolean demoData) {

	public BillingProperties {
		zone = (zone != null) ? zone : ZoneId.of("Asia/Seoul");
	}

}
