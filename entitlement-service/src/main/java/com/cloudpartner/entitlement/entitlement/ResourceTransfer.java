package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;

/**
 * Moves the resources of an entitlement to the entitlement that replaces it when a
 * customer is transferred to another partner. Called inside the transfer's transaction,
 * after the old entitlement is cancelled and the new one created; billing switches owner
 * at {@code at}. The resources feature provides the bean; without one, nothing moves.
 */
public interface ResourceTransfer {

	/**
	 * Re-parents every resource of the old entitlement.
	 * @param fromAccount the old partner account
	 * @param fromEntitlementId the cancelled entitlement's id
	 * @param toAccount the new partner account
	 * @param toCustomerId the customer's id under the new partner
	 * @param toEntitlementId the new entitlement's id
	 * @param at the transfer instant
	 */
	void moveResources(String fromAccount, String fromEntitlementId, String toAccount, String toCustomerId,
			String toEntitlementId, Instant at);

}
