package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Data of the entitlement events (docs/events/entitlement.*.json), in the documented
 * shape. Every one carries name, accountId, customerId, entitlementId, offer, sku, state
 * and suspensionReasons.
 */
final class EntitlementEvents {

	static final String CREATED = "entitlement.created";

	static final String CHANGED = "entitlement.changed";

	static final String SUSPENDED = "entitlement.suspended";

	static final String ACTIVATED = "entitlement.activated";

	static final String CANCELLED = "entitlement.cancelled";

	static final String TRANSFERRED = "entitlement.transferred";

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

	/**
	 * {@code entitlement.changed}, {@code .suspended}, {@code .activated} and
	 * {@code .cancelled}.
	 *
	 * @param changeType what changed: CHANGE_OFFER, CHANGE_PARAMETERS, SUSPEND, ACTIVATE,
	 * CANCEL, RENEW_COMMITMENT
	 * @param reason the suspension reason lifted or added, or why it was cancelled
	 * (RESELLER_INITIATED, TRANSFERRED)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record EntitlementChanged(String name, String accountId, String customerId, String entitlementId, String offer,
			String sku, EntitlementState state, List<String> suspensionReasons, List<Parameter> parameters,
			String billingAccount, String changeType, String reason, Instant updateTime) {

		static EntitlementChanged of(Entitlement e, String changeType, String reason) {
			return new EntitlementChanged(e.name(), e.accountId(), e.customerId(), e.id(), e.offerName(), e.sku(),
					e.state(), e.suspensionReasons(), e.parameters(), e.billingAccountName(), changeType, reason,
					e.updateTime());
		}

	}

	/**
	 * {@code entitlement.transferred}: about the new entitlement (its name, account,
	 * customer), with where it came from. Billing moves the owner at transferTime.
	 */
	record EntitlementTransferred(String name, String accountId, String customerId, String entitlementId, String offer,
			String sku, EntitlementState state, List<String> suspensionReasons, String fromAccountId,
			String fromCustomerId, String fromEntitlement, String toAccountId, String toEntitlement,
			Instant transferTime) {

		static EntitlementTransferred of(Entitlement from, Entitlement to, Instant at) {
			return new EntitlementTransferred(to.name(), to.accountId(), to.customerId(), to.id(), to.offerName(),
					to.sku(), to.state(), to.suspensionReasons(), from.accountId(), from.customerId(), from.name(),
					to.accountId(), to.name(), at);
		}

	}

}
