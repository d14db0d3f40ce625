package com.cloudpartner.entitlement.resources;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One IaaS resource of a customer under an IAAS entitlement.
 *
 * @param accountId the partner account (changes when the customer is transferred)
 * @param customerId the customer
 * @param id the resource id, also the provider's id
 * @param kind what it is
 * @param entitlementId the entitlement it is billed under
 * @param sku the SKU's resource name
 * @param displayName the customer's label
 * @param state where it stands, as the provider last reported
 * @param sizeGb storage size, null where none
 * @param parentId the server a firewall rule belongs to
 * @param attributes kind-specific facts (image, attached server, address, ports, ...)
 * @param providerId set once the provider holds it
 * @param error why its last job failed
 * @param createTime when it was asked for
 * @param updateTime when it last changed
 */
public record Resource(String accountId, String customerId, String id, ResourceKind kind, String entitlementId,
		String sku, String displayName, ResourceState state, Integer sizeGb, String parentId,
		Map<String, Object> attributes, String providerId, String error, Instant createTime, Instant updateTime) {

	public Resource {
		attributes = (attributes != null) ? Map.copyOf(attributes) : Map.of();
	}

	public String customerName() {
		return "accounts/" + this.accountId + "/customers/" + this.customerId;
	}

	public String name() {
		String base = customerName() + "/";
		if (this.kind == ResourceKind.FIREWALL_RULE) {
			return base + "servers/" + this.parentId + "/firewall-rules/" + this.id;
		}
		return base + this.kind.segment() + "/" + this.id;
	}

	public String entitlementName() {
		return customerName() + "/entitlements/" + this.entitlementId;
	}

	/** Whether the provider holds it, which is when it is billed. */
	public boolean allocated() {
		return this.providerId != null && this.state != ResourceState.DELETED;
	}

	public String attribute(String key) {
		Object value = this.attributes.get(key);
		return (value != null) ? value.toString() : null;
	}

	Resource with(ResourceState state, Instant now) {
		return new Resource(this.accountId, this.customerId, this.id, this.kind, this.entitlementId, this.sku,
				this.displayName, state, this.sizeGb, this.parentId, this.attributes, this.providerId, this.error,
				this.createTime, now);
	}

	Resource with(String sku, String displayName, Integer sizeGb, Map<String, Object> changes, String providerId,
			String error, ResourceState state, Instant now) {
		Map<String, Object> merged = new HashMap<>(this.attributes);
		changes.forEach((k, v) -> {
			if (v == null) {
				merged.remove(k);
			}
			else {
				merged.put(k, v);
			}
		});
		return new Resource(this.accountId, this.customerId, this.id, this.kind, this.entitlementId, sku, displayName,
				state, sizeGb, this.parentId, merged, providerId, error, this.createTime, now);
	}

}
