package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entitlement as the API shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EntitlementView(String name, String offer, String sku, EntitlementState state, List<String> suspensionReasons,
		List<Parameter> parameters, String billingAccount, String purchaseOrderId, Instant createTime,
		Instant updateTime, Instant trialEndTime, Instant commitmentEndTime, Boolean renewalEnabled) {

	static EntitlementView of(Entitlement entitlement) {
		return new EntitlementView(entitlement.name(), entitlement.offerName(), entitlement.sku(), entitlement.state(),
				entitlement.suspensionReasons(), entitlement.parameters(), entitlement.billingAccountName(),
				entitlement.purchaseOrderId(), entitlement.createTime(), entitlement.updateTime(),
				entitlement.trialEndTime(), entitlement.commitmentEndTime(),
				(entitlement.commitmentEndTime() != null) ? entitlement.renewalEnabled() : null);
	}

}
