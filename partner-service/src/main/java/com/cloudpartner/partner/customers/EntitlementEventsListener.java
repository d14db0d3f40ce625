package com.cloudpartner.partner.customers;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link CustomerEntitlements} from {@code entitlement-events}. A record that
 * cannot be read fails, is retried and ends on {@code entitlement-events.DLT}.
 */
@Component
class EntitlementEventsListener {

	private final JsonMapper json;

	private final CustomerEntitlements entitlements;

	EntitlementEventsListener(JsonMapper json, CustomerEntitlements entitlements) {
		this.json = json;
		this.entitlements = entitlements;
	}

	@KafkaListener(topics = "entitlement-events", groupId = "partner-service")
	void on(String payload) {
		EntitlementEvent event = this.json.readValue(payload, EntitlementEvent.class);
		String state = switch (String.valueOf(event.type())) {
			case "entitlement.created", "entitlement.changed" ->
				(event.data() != null && event.data().state() != null) ? event.data().state() : "ACTIVE";
			case "entitlement.cancelled" -> "CANCELLED";
			case "entitlement.transferred" ->
				(event.data() != null && event.data().state() != null) ? event.data().state() : "ACTIVE";
			default -> null;
		};
		if (state == null) {
			return;
		}
		EntitlementEvent.Data data = event.data();
		if (event.id() == null || event.source() == null || data == null || data.accountId() == null
				|| data.customerId() == null || data.entitlementId() == null) {
			throw new IllegalArgumentException("An " + event.type() + " event lacks id, source or data fields");
		}
		Instant time = (event.time() != null) ? event.time() : Instant.now();
		java.util.List<CustomerEntitlements.Change> changes = new java.util.ArrayList<>();
		changes.add(new CustomerEntitlements.Change(data.accountId(), data.customerId(), data.entitlementId(), state,
				time));
		if ("entitlement.transferred".equals(event.type()) && data.fromAccountId() != null
				&& data.fromCustomerId() != null && data.fromEntitlement() != null) {
			// the old partner's entitlement ends with the transfer
			String fromId = data.fromEntitlement().substring(data.fromEntitlement().lastIndexOf('/') + 1);
			changes.add(new CustomerEntitlements.Change(data.fromAccountId(), data.fromCustomerId(), fromId,
					"CANCELLED", time));
		}
		this.entitlements.apply(event.source(), event.id(), changes);
	}

	/** The part of an entitlement event this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record EntitlementEvent(String id, String source, String type, Instant time, Data data) {

		@JsonIgnoreProperties(ignoreUnknown = true)
		record Data(String accountId, String customerId, String entitlementId, String state, String fromAccountId,
				String fromCustomerId, String fromEntitlement) {
		}

	}

}
