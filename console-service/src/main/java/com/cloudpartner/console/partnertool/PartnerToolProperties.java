package com.cloudpartner.console.partnertool;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the partner management tool at {@code /partner}.
 *
 * @param maxSessions how many signed-in partner members are kept in memory at most; the
 * oldest sessions make room for new ones
 * @param maxSessionLifetime a session never outlives this, nor the member token it holds
 * @param pageSize rows per page of the tool's lists (1..500, the API's largest page)
 * @param exportTimeout how long a billing export download may take in all; the upstream
 * read timeout of other calls would cut a large export short, since it bounds the whole
 * answer, body included
 */
@ConfigurationProperties("platform.partner-tool")
public record PartnerToolProperties(@DefaultValue("2000") int maxSessions,
		@DefaultValue("8h") Duration maxSessionLifetime, @DefaultValue("20") int pageSize,
		@DefaultValue("30m") Duration exportTimeout) {

	public PartnerToolProperties {
		if (maxSessions < 1) {
			throw new IllegalStateException("platform.partner-tool.max-sessions must be at least 1");
		}
		if (exportTimeout.isNegative() || exportTimeout.isZero()) {
			throw new IllegalStateException("platform.partner-tool.export-timeout must be positive");
		}
		if (pageSize < 1 || pageSize > 500) {
			throw new IllegalStateException("platform.partner-tool.page-size must be between 1 and 500");
		}
	}

}
