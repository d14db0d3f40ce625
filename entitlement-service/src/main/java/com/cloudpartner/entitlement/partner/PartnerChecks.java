package com.cloudpartner.entitlement.partner;

import java.time.Clock;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.TenantDirectory;

import org.springframework.stereotype.Component;

/**
 * What entitlements ask of the partner side: is the partner account in good standing, and
 * does the customer exist. Answered from the projection; a customer the projection has
 * not seen yet is looked up once at partner-service. Also the service's
 * {@link TenantDirectory}: platform-support's tenant boundary asks it before every
 * handler (decision 0057).
 */
@Component
public class PartnerChecks implements TenantDirectory {

	private final PartnerDirectory directory;

	private final PartnerServiceClient partnerService;

	private final Clock clock;

	PartnerChecks(PartnerDirectory directory, PartnerServiceClient partnerService, Clock clock) {
		this.directory = directory;
		this.partnerService = partnerService;
		this.clock = clock;
	}

	/** 403 {@code PARTNER_SUSPENDED} for a suspended partner account. */
	public void requireNotSuspended(String accountId) {
		if (isSuspended(accountId)) {
			throw ApiProblem.forbidden("PARTNER_SUSPENDED", "Partner account " + accountId + " is suspended.");
		}
	}

	/**
	 * Creates a customer under the partner at partner-service and records it here, so
	 * that entitlements can be created for it at once.
	 */
	public PartnerServiceClient.RemoteCustomer createCustomer(String accountId,
			PartnerServiceClient.NewCustomer customer, String idempotencyKey, String authorization) {
		var created = this.partnerService.createCustomer(accountId, customer, idempotencyKey, authorization);
		this.directory.saveCustomer(accountId, created.id(), created.userId(), created.displayName(), false,
				this.clock.instant());
		return created;
	}

	/**
	 * 404 {@code CUSTOMER_NOT_FOUND} unless the customer exists.
	 * @param authorization the caller's Authorization header, for the look-up at
	 * partner-service
	 */
	public void requireCustomer(String accountId, String customerId, String authorization) {
		if (!hasCustomer(accountId, customerId, authorization)) {
			throw ApiProblem.notFound("CUSTOMER_NOT_FOUND",
					"There is no customer accounts/" + accountId + "/customers/" + customerId + ".");
		}
	}

	@Override
	public boolean isSuspended(String accountId) {
		return this.directory.accountState(accountId).filter("SUSPENDED"::equals).isPresent();
	}

	/**
	 * From the projection; a customer it has not seen is looked up at partner-service
	 * (and recorded when found).
	 */
	@Override
	public boolean hasCustomer(String accountId, String customerId, String authorization) {
		Boolean deleted = this.directory.customerDeleted(accountId, customerId).orElse(null);
		if (deleted != null) {
			return !deleted;
		}
		var remote = this.partnerService.findCustomer(accountId, customerId, authorization);
		if (remote.isEmpty()) {
			return false;
		}
		this.directory.saveCustomer(accountId, customerId, remote.get().userId(), remote.get().displayName(), false,
				this.clock.instant());
		return true;
	}

}
