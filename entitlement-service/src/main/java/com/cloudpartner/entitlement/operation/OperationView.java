package com.cloudpartner.entitlement.operation;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * An operation as the API shows it.
 *
 * @param name {@code operations/{id}}
 * @param done whether it has finished
 * @param response the resulting resource once done
 * @param metadata what it does
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OperationView(String name, boolean done, JsonNode response, Metadata metadata) {

	public static OperationView of(Operation operation) {
		return new OperationView(operation.name(), operation.done(), operation.response(),
				new Metadata(operation.type(), operation.target(), operation.createTime()));
	}

	/**
	 * What the operation does.
	 *
	 * @param type e.g. CREATE_ENTITLEMENT
	 * @param target the resource name it acts on
	 * @param createTime when it was asked for
	 */
	public record Metadata(String type, String target, Instant createTime) {

	}

}
