package com.cloudpartner.partner.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * An end user of a partner.
 */
public record Customer(String accountId, UUID id, String userId, String displayName, String email, String correlationId,
		String domain, Instant createTime, Instant updateTime) {

	public String name() {
		return "accounts/" + this.accountId + "/customers/" + this.id;
	}

}
