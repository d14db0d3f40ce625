package com.cloudpartner.entitlement.operation;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A long-running operation, {@code operations/{id}}. Changes that complete within the
 * request are stored already done, with their result as {@code response}.
 *
 * @param id the operation id
 * @param accountId the partner account that owns it
 * @param type e.g. CREATE_ENTITLEMENT
 * @param target the resource name it acts on
 * @param done whether it has finished
 * @param response the resulting resource once done
 * @param createTime when it was asked for
 */
public record Operation(String id, String accountId, String type, String target, boolean done, JsonNode response,
		Instant createTime) {

	public static Operation completed(String accountId, String type, String target, JsonNode response, Instant now) {
		return new Operation(UUID.randomUUID().toString(), accountId, type, target, true, response, now);
	}

	public String name() {
		return "operations/" + this.id;
	}

}
