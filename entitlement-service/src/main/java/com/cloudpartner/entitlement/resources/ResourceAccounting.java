package com.cloudpartner.entitlement.resources;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.cloudpartner.entitlement.entitlement.ResourceCounter;
import com.cloudpartner.entitlement.entitlement.ResourceTransfer;
import com.cloudpartner.entitlement.jobs.Jobs;
import com.cloudpartner.entitlement.metering.UsagePeriods;
import com.cloudpartner.entitlement.provider.CloudProvider;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the entitlements feature asks of resources: how many still live under an
 * entitlement (cancel is refused while any do), and moving them to the entitlement that
 * replaces it in a customer transfer. A moved resource keeps its id; its name, owner and
 * entitlement change at the transfer instant, so metering bills every later hour to the
 * new partner. Its job history moves with it (the old partner no longer sees the
 * resource), and the provider counts it in the new customer's quotas. A transfer waits
 * for no job: while one is in progress on a moving resource it is refused (409
 * RESOURCE_BUSY).
 */
@Component
class ResourceAccounting implements ResourceCounter, ResourceTransfer {

	private final Resources resources;

	private final UsagePeriods periods;

	private final Jobs jobs;

	private final CloudProvider provider;

	ResourceAccounting(Resources resources, UsagePeriods periods, Jobs jobs, CloudProvider provider) {
		this.resources = resources;
		this.periods = periods;
		this.jobs = jobs;
		this.provider = provider;
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
		List<Resource> moving = this.resources.ofEntitlementForUpdate(fromAccount, fromEntitlementId);
		for (Resource r : moving) {
			if (this.jobs.pending(r.id())) {
				throw ApiProblem.conflict("RESOURCE_BUSY",
						r.name() + " has a job in progress; transfer the entitlements when it has finished.");
			}
		}
		for (Resource r : moving) {
			Resource moved = new Resource(toAccount, toCustomerId, r.id(), r.kind(), toEntitlementId, r.sku(),
					r.displayName(), r.state(), r.sizeGb(), r.parentId(), r.attributes(), r.providerId(), r.error(),
					r.createTime(), when);
			this.resources.update(moved);
			this.periods.sync(Billing.of(moved), when);
			this.jobs.move(r.id(), r.customerName() + "/", toAccount, toCustomerId, moved.customerName() + "/");
			if (r.providerId() != null) {
				this.provider.reassign(r.id(), moved.customerName());
			}
		}
	}

}
