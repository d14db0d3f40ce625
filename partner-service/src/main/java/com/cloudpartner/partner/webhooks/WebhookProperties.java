package com.cloudpartner.partner.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callbacks are delivered.
 *
 * @param allowedNetworks CIDR ranges that callbacks may reach although they are loopback,
 * private, link-local or multicast (none by default; the local run allows loopback)
 * @param firstRetry the wait after the first failure; it doubles each time (with jitter)
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after the event a delivery is still tried (at least 24 h)
 * @param connectTimeout TCP connect timeout
 * @param readTimeout response timeout
 * @param maxResponseBytes how much of a response body is read, at most
 * @param pollInterval how often due deliveries are looked for
 */
@ConfigurationProperties("platform.webhooks")
record WebhookProperties(List<String> allowedNetworks, Duration firstRetry, Duration maxRetry, Duration giveUpAfter,
		Duration connectTimeout, Duration readTimeout, Integer maxResponseBytes, Duration pollInterval) {

	WebhookProperties {
		allowedNetworks = (allowedNetworks != null) ? List.copyOf(allowedNetworks) : List.of();
		firstRetry = (firstRetry != null) ? firstRetry : Duration.ofSeconds(30);
		maxRetry = (maxRetry != null) ? maxRetry : Duration.ofHours(1);
		giveUpAfter = (giveUpAfter != null) ? giveUpAfter : Duration.ofHours(25);
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(3);
		readTimeout = (readTimeout != null) ? readTimeout : Duration.ofSeconds(5);
		maxResponseBytes = (maxResponseBytes != null) ? maxResponseBytes : 4096;
		pollInterval = (pollInterval != null) ? pollInterval : Duration.ofSeconds(1);
	}

}
