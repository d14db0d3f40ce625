package com.cloudpartner.partner.members;

import java.time.Instant;
import java.util.UUID;

/**
 * A company member: signs up, verifies the e-mail, applies to become a partner and, once
 * approved, administers the partner account.
 *
 * @param accountId the partner account the member administers, if any
 */
public record Member(UUID id, String loginId, String name, String email, String mobilePhone, String landlinePhone,
		Company company, Agreements agreements, State state, String accountId, int failedLogins, Instant lockedUntil,
		Instant createTime, Instant updateTime) {

	/** Whether the member may log in. */
	public enum State {

		PENDING_VERIFICATION, ACTIVE

	}

	/** The member's company (a corporate member). */
	public record Company(String name, String businessRegistrationNumber, String corporateRegistrationNumber) {
	}

	/** When the member agreed to what; marketing is optional. */
	public record Agreements(Instant terms, Instant privacy, Instant marketingEmail) {
	}

}
