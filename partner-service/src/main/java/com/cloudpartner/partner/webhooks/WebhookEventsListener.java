package com.cloudpartner.partner.webhooks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.partner.accounts.PartnerAccount;
import com.cloudpartner.partner.accounts.PartnerAccountManagement;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Picks the events that concern a partner with a callback URL ({@code data.accountId})
 * from partner-, entitlement- and billing-events and records one delivery each. The
 * unique (account, source, id) makes a redelivered record a no-op.
 */
@Component
class WebhookEventsListener {

	private final JsonMapper json;

	private final PartnerAccountManagement accounts;

	private final WebhookDeliveries deliveries;

	private final WebhookDispatcher dispatcher;

	private final java.time.Clock clock;

	WebhookEventsListener(JsonMapper json, PartnerAccountManagement accounts, WebhookDeliveries deliveries,
			WebhookDispatcher dispatcher, java.time.Clock clock) {
		this.json = json;
		this.accounts = accounts;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	@KafkaListener(topics = { "partner-events", "entitlement-events", "billing-events" },
			groupId = "partner-service-webhooks")
	void on(String payload) {
		JsonNode event = this.json.readTree(payload);
		String id = text(event.path("id"));
		String source = text(event.path("source"));
		if (id == null || source == null) {
			return;
		}
		// a transfer concerns the partner that lost the customer as well
		java.util.Set<String> concerned = new java.util.LinkedHashSet<>();
		java.util.stream.Stream.of("accountId", "fromAccountId")
			.map((field) -> text(event.path("data").path(field)))
			.filter(java.util.Objects::nonNull)
			.forEach(concerned::add);
		for (String accountId : concerned) {
			boolean wanted = this.accounts.find(accountId)
				.map(PartnerAccount::settings)
				.map(PartnerAccount.Settings::callbackUrl)
				.isPresent();
			if (wanted && this.deliveries.insert(accountId, source, id, String.valueOf(text(event.path("type"))),
					payload, this.clock.instant())) {
				this.dispatcher.wakeUp();
			}
		}
	}

	private static String text(JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}
