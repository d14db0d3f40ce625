package com.cloudpartner.partner.members;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param verificationTtl how long an e-mail verification token is valid (24 h)
 * @param resetTtl how long a password reset token is valid (30 min)
 * @param maxFailedLogins failures in a row that lock the login (5)
 * @param lockout how long a locked login stays locked (15 min)
 * @param failureDelay added to the answer of every failed login, times the failures so
 * far (capped at 3 s), to slow guessing down
 * @param linkBase where the mails' links point (the gateway)
 */
@ConfigurationProperties("platform.members")
record MembersProperties(Duration verificationTtl, Duration resetTtl, Integer maxFailedLogins, Duration lockout,
		Duration failureDelay, String linkBase) {

	MembersProperties {
		verificationTtl = (verificationTtl != null) ? verificationTtl : Duration.ofHours(24);
		resetTtl = (resetTtl != null) ? resetTtl : Duration.ofMinutes(30);
		maxFailedLogins = (maxFailedLogins != null) ? maxFailedLogins : 5;
		lockout = (lockout != null) ? lockout : Duration.ofMinutes(15);
		failureDelay = (failureDelay != null) ? failureDelay : Duration.ofMillis(300);
		linkBase = (linkBase != null) ? linkBase : "http://localhost:8080";
	}

}
