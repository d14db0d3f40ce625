package com.cloudpartner.entitlement.resources;

import com.cloudpartner.entitlement.metering.UsagePeriods.Billable;
import com.cloudpartner.entitlement.metering.UsagePeriods.Facts;

/** How a resource is billed: while the provider holds it, by its owner, SKU and size. */
final class Billing {

	private Billing() {
	}

	static Billable of(Resource r) {
		boolean billable = r.allocated() && r.state() != ResourceState.ERROR;
		return new Billable(r.id(), r.kind().name(), billable, new Facts(r.accountId(), r.customerId(),
				r.entitlementId(), r.sku(), r.sizeGb(), r.attribute("location")));
	}

}
