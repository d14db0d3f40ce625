package com.cloudpartner.console.partnertool.settings;

import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/**
 * The account's settings, its callback secret and delivery log at partner-service, for
 * one session's account.
 */
@Component
class AccountSettings {

	private final PartnerApi api;

	AccountSettings(PartnerApi api) {
		this.api = api;
	}

	Account get(PartnerSession session) {
		return this.api.forSession(session).get(Account.class, "");
	}

	Account update(PartnerSession session, Patch patch) {
		return this.api.forSession(session).patch(Account.class, "", patch);
	}

	String rotateWebhookSecret(PartnerSession session) {
		return this.api.forSession(session).post(Secret.class, "/webhook-secret", Map.of()).secret();
	}

	Deliveries deliveries(PartnerSession session, String state, int pageSize, String pageToken) {
		return this.api.forSession(session)
			.get(Deliveries.class, Map.of("state", (state != null) ? state : "", "pageSize", pageSize, "pageToken",
					(pageToken != null) ? pageToken : ""), "/webhook-deliveries");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Account(String id, String publicId, String displayName, String state, List<Contact> contacts,
			String callbackUrl, String consoleLoginUrl, Integer consoleSessionTtlMinutes, Contact taxContact,
			Branding branding, Contract contract) {

		Account {
			contacts = (contacts != null) ? contacts : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contact(String role, String name, String email, String phone) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Branding(String displayName, String logoUrl, String primaryColor) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Contract(String reference, String supplyDiscountPercent, String currencyCode) {

	}

	/**
	 * A change of the settings: {@code null} leaves a value as it is, an empty text
	 * clears it. Never the contract, which only an operator changes.
	 */
	record Patch(List<Contact> contacts, String callbackUrl, String consoleLoginUrl, Integer consoleSessionTtlMinutes,
			Contact taxContact, Branding branding) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Secret(String secret, String signatureFormat) {

		@Override
		public String toString() {
			return "Secret[]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Deliveries(List<Delivery> deliveries, String nextPageToken) {

		Deliveries {
			deliveries = (deliveries != null) ? deliveries : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Delivery(String id, String eventId, String eventType, int attempts, Integer lastStatus, String lastError,
			String lastAttemptTime, String nextAttemptTime, String state, String createTime, String deliveredTime) {

	}

}
