package com.cloudpartner.partner.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * One event to deliver to one partner's callback URL, and how that went.
 */
record WebhookDelivery(String accountId, UUID id, String eventSource, String eventId, String eventType, String payload,
		State state, int attempts, Integer lastStatus, String lastError, Instant lastAttemptTime,
		Instant nextAttemptTime, Instant createTime, Instant deliveredTime) {

	enum State {

		PENDING, DELIVERED, FAILED

	}

}
