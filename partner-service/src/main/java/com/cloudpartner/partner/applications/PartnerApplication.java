package com.cloudpartner.partner.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * A member's application to become a partner, and the operator's decision.
 */
record PartnerApplication(UUID id, UUID memberId, String businessRegistrationNumber, String contactName,
		String contactEmail, String contactPhone, String message, State state, String reason, String accountId,
		Instant createTime, Instant decideTime, String decidedBy) {

	enum State {

		SUBMITTED, APPROVED, REJECTED

	}

	String name() {
		return "partnerApplications/" + this.id;
	}

}
