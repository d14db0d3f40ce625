package com.cloudpartner.gateway.partners;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows {@code partner-events} from the earliest offset with a consumer group of its
 * own per instance (every gateway instance needs every event, and rebuilds the set at
 * start because the topic is kept forever) that never commits offsets
 * ({@link PartnerEventsConsumerConfiguration}), so that it leaves nothing on the broker.
 * {@code partner.suspended} suspends an account; {@code partner.reinstated} and
 * {@code partner.approved} make it active. While the broker is unreachable the consumer
 * keeps retrying in the background and the gateway serves with what it knows.
 */
@Component
class PartnerEventsListener {

	private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

	private final JsonMapper json = JsonMapper.builder().build();

	private final SuspendedAccounts accounts;

	PartnerEventsListener(SuspendedAccounts accounts) {
		this.accounts = accounts;
	}

	@KafkaListener(id = "gateway-partner-events", topics = "${platform.gateway.partner-events-topic:partner-events}",
			groupId = "gateway-#{T(java.util.UUID).randomUUID()}", containerFactory = "partnerEventsContainerFactory",
			properties = { "auto.offset.reset=earliest", "enable.auto.commit=false" })
	void on(String value) {
		try {
			apply(this.json.readTree(value));
		}
		catch (RuntimeException ex) {
			// one unreadable record must not stop the gateway from following the topic
			log.warn("Skipping an unreadable partner event: {}", ex.toString());
		}
	}

	void apply(JsonNode event) {
		String type = event.path("type").asString("");
		String accountId = event.path("data").path("accountId").asString(null);
		if (accountId == null || accountId.isBlank()) {
			return;
		}
		switch (type) {
			case "partner.suspended" -> {
				this.accounts.suspend(accountId);
				log.info("Partner account {} suspended: its tokens are refused from now on", accountId);
			}
			case "partner.reinstated", "partner.approved" -> this.accounts.reinstate(accountId);
			default -> {
				// customers, contracts: nothing for the gateway
			}
		}
	}

}
