package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;
import java.util.List;

/**
 * Data of the entitlement events (docs/events/entitlement.*.json), in the documented
 * shape.
 */
final class EntitlementEvents {

	private EntitlementEvents() {
	}

	record EntitlementCreated(String name, String accountId, String customerId, String entitlementId, String offer,
			String sku, EntitlementState state, List<String> suspensionReasons, List<Parameter> parameters,
			String billingAccount, Instant createTime) {

		static EntitlementCreated of(Entitlement e) {
			return new EntitlementCreated(e.name(), e.accountId(), e.customerId(), e.id(), e.offerName(), e.sku(),
					e.state(), e.suspensionReasons(), e.parameters(), e.billingAccountName(), e.createTime());
		}

	}

	record EntitlementCancelled(String name, String accountId, String customerId, String entitlementId,
			EntitlementState state) {

		static EntitlementCancelled of(Entitlement e) {
			return new EntitlementCancelled(e.name(), e.accountId(), e.customerId(), e.id(), e.state());
		}

	}

}
