package com.cloudpartner.entitlement.resources;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.cloudpartner.entitlement.entitlement.ResourceCounter;
import com.cloudpartner.entitlement.entitlement.ResourceTransfer;
import com.cloudpartner.entitlement.metering.UsagePeriods;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the entitlements feature asks of resources: how many still live under an
 * entitlement (cancel is refused while any do), and moving them to the entitlement that
 * replaces it in a customer transfer. A moved resource keeps its id; its name, owner and
 * entitlement change at the transfer instant, so metering bills every later hour to the
 * new partner.
 */
@Component
class ResourceAccounting implements ResourceCounter, ResourceTransfer {

	private final Resources resources;

	private final UsagePeriods periods;

	ResourceAccounting(Resources resources, UsagePeriods periods) {
		this.resources = resources;
		this.periods = periods;
	}

	@Override
	public long activeResources(String accountId, String entitlementId) {
		return this.resources.countLive(accountId, entitlementId);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void moveResources(String fromAccount, String fromEntitlementId, String toAccount, String toCustomerId,
			String toEntitlementId, Instant at) {
		Instant when = at.truncatedTo(ChronoUnit.MILLIS);
		for (Resource r : this.resources.ofEntitlementForUpdate(fromAccount, fromEntitlementId)) {
			Resource moved = new Resource(toAccount, toCustomerId, r.id(), r.kind(), toEntitlementId, r.sku(),
					r.displayName(), r.state(), r.sizeGb(), r.parentId(), r.attributes(), r.providerId(), r.error(),
					r.createTime(), when);
			this.resources.update(moved);
			this.periods.sync(Billing.of(moved), when);
		}
	}

}
