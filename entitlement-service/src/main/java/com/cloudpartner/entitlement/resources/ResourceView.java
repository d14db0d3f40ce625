package com.cloudpartner.entitlement.resources;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resource as the API shows it. {@code details} holds what is particular to the kind:
 * image, attached server, address, network block, ports, members, rule fields.
 *
 * @param name {@code accounts/{a}/customers/{c}/servers/{s}}
 * @param id the resource id
 * @param displayName the customer's label
 * @param entitlement the entitlement it is billed under
 * @param sku the SKU's resource name
 * @param state PROVISIONING, RUNNING, STOPPED, ACTIVE, DELETING, DELETED or ERROR
 * @param sizeGb storage size
 * @param location the region or zone it runs in
 * @param details kind-specific facts
 * @param error why its last job failed
 * @param createTime when it was asked for
 * @param updateTime when it last changed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceView(String name, String id, String displayName, String entitlement, String sku, String state,
		Integer sizeGb, String location, Map<String, Object> details, String error, Instant createTime,
		Instant updateTime) {

	static ResourceView of(Resource r) {
		Map<String, Object> details = new TreeMap<>(r.attributes());
		details.remove("location");
		String prefix = r.customerName() + "/servers/";
		if (r.attribute("server") != null) {
			details.put("server", prefix + r.attribute("server"));
		}
		if (r.kind() == ResourceKind.FIREWALL_RULE) {
			details.put("server", prefix + r.parentId());
		}
		return new ResourceView(r.name(), r.id(), r.displayName(), r.entitlementName(), r.sku(), r.state().name(),
				r.sizeGb(), r.attribute("location"), details, r.error(), r.createTime(), r.updateTime());
	}

}
