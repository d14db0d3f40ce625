package com.cloudpartner.partner.keys;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rotates the signing key on a schedule ({@code platform.keys.rotation-interval}, 30 days
 * by default), checked every {@code platform.keys.rotation-check-interval}. The operator
 * may rotate at any time as well ({@code POST /v1/signing-keys/rotate}).
 */
@Component
class ScheduledKeyRotation {

	private static final Logger log = LoggerFactory.getLogger(ScheduledKeyRotation.class);

	private final SigningKeys keys;

	private final StoredKeySource keySource;

	private final Duration interval;

	ScheduledKeyRotation(SigningKeys keys, StoredKeySource keySource,
			@Value("${platform.keys.rotation-interval:30d}") Duration interval) {
		this.keys = keys;
		this.keySource = keySource;
		this.interval = interval;
	}

	@Scheduled(initialDelayString = "${platform.keys.rotation-check-interval:1h}",
			fixedDelayString = "${platform.keys.rotation-check-interval:1h}")
	void rotateWhenDue() {
		if (this.keys.rotateIfOlderThan(this.interval)) {
			this.keySource.invalidate();
			log.info("Rotated the signing key (older than {})", this.interval);
		}
	}

}
