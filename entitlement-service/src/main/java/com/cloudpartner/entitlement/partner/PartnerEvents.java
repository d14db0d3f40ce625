package com.cloudpartner.entitlement.partner;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/**
 * This service's own reading of partner-service's events (docs/events): only the fields
 * it needs, everything else ignored.
 */
final class PartnerEvents {

	private PartnerEvents() {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Envelope(String id, String source, String type, String subject, JsonNode data) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PartnerApproved(String accountId, String publicId, String displayName, String state, Contract contract,
			List<ApprovedBillingAccount> billingAccounts) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contract(String currencyCode) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ApprovedBillingAccount(String id, String displayName, String currencyCode, String regionCode) {

	}

	/** {@code partner.suspended} and {@code partner.reinstated}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record PartnerStateChanged(String accountId, String state) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CustomerCreated(String accountId, String customerId, String userId, String displayName) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CustomerDeleted(String accountId, String customerId) {

	}

}
