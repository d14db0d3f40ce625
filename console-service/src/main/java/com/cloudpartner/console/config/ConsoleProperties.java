package com.cloudpartner.console.config;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * console-service's own settings.
 *
 * @param clientId its client id at partner-service (scope {@code console.issuer})
 * @param clientSecret the matching secret
 * @param maxSessions how many console sessions are kept in memory at most; the oldest
 * make room for new ones
 * @param connectTimeout connect timeout of every upstream call
 * @param readTimeout read timeout of every upstream call
 * @param accountCacheTtl how long a partner's account settings (branding, session
 * lifetime, login URL) are still used while partner-service cannot answer
 * @param accountStatusTtl how long a reading of a partner's account (its state above all:
 * a suspended partner's open sessions show the suspension page) is reused before it is
 * read again
 * @param tokenRefreshMargin a token this close to its expiry is replaced before use
 * @param timeZone the zone in which times are shown to end users
 */
@ConfigurationProperties("platform.console")
public record ConsoleProperties(String clientId, String clientSecret, @DefaultValue("10000") int maxSessions,
		@DefaultValue("2s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
		@DefaultValue("5m") Duration accountCacheTtl, @DefaultValue("3s") Duration accountStatusTtl,
		@DefaultValue("60s") Duration tokenRefreshMargin, @DefaultValue("Asia/Seoul") ZoneId timeZone) {

	public ConsoleProperties {
		// Fail fast outside the local profile, naming what to set.
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalStateException(
					"console-service needs its client credential: set PLATFORM_CONSOLE_CLIENT_ID (platform.console.client-id), "
							+ "or run with SPRING_PROFILES_ACTIVE=local for the development one");
		}
		if (clientSecret == null || clientSecret.isBlank()) {
			throw new IllegalStateException(
					"console-service needs its client credential: set PLATFORM_CONSOLE_CLIENT_SECRET (platform.console.client-secret), "
							+ "or run with SPRING_PROFILES_ACTIVE=local for the development one");
		}
		if (maxSessions < 1) {
			throw new IllegalStateException("platform.console.max-sessions must be at least 1");
		}
	}

	@Override
	public String toString() {
		return "ConsoleProperties[clientId=" + this.clientId + ", clientSecret=***]";
	}

}
