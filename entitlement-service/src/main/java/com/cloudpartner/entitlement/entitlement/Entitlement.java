package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.support.problem.ApiProblem;

/**
 * A customer's right to use an offer's SKU,
 * {@code accounts/{accountId}/customers/{customerId}/entitlements/{id}}.
 *
 * @param accountId the reselling partner
 * @param customerId the partner's customer
 * @param id the entitlement id
 * @param offerId the purchased offer
 * @param sku the SKU's resource name
 * @param state ACTIVE, SUSPENDED or CANCELLED
 * @param suspensionReasons why it is suspended
 * @param parameters purchase parameters
 * @param billingAccountId the partner's billing account charged for it
 * @param purchaseOrderId the partner's reference, if any
 * @param createTime when it was created
 * @param updateTime when it last changed
 */
record Entitlement(String accountId, String customerId, String id, String offerId, String sku, EntitlementState state,
		List<String> suspensionReasons, List<Parameter> parameters, String billingAccountId, String purchaseOrderId,
		Instant createTime, Instant updateTime) {

	Entitlement {
		suspensionReasons = List.copyOf(suspensionReasons);
		parameters = List.copyOf(parameters);
	}

	static Entitlement create(String accountId, String customerId, Offer offer, List<Parameter> parameters,
			String billingAccountId, String purchaseOrderId, Instant now) {
		return new Entitlement(accountId, customerId, UUID.randomUUID().toString(), offer.id(), offer.skuName(),
				EntitlementState.ACTIVE, List.of(), parameters, billingAccountId, purchaseOrderId, now, now);
	}

	String name() {
		return "accounts/" + this.accountId + "/customers/" + this.customerId + "/entitlements/" + this.id;
	}

	String offerName() {
		return "offers/" + this.offerId;
	}

	String billingAccountName() {
		return "accounts/" + this.accountId + "/billingAccounts/" + this.billingAccountId;
	}

	/** Cancelling is final: a second cancel is a conflict, not a no-op. */
	Entitlement cancel(Instant now) {
		if (this.state == EntitlementState.CANCELLED) {
			throw ApiProblem.conflict("ENTITLEMENT_ALREADY_CANCELLED",
					"Entitlement " + name() + " is already cancelled.");
		}
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku,
				EntitlementState.CANCELLED, List.of(), this.parameters, this.billingAccountId, this.purchaseOrderId,
				this.createTime, now);
	}

}
