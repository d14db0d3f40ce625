package com.cloudpartner.entitlement.resources;

import com.cloudpartner.entitlement.entitlement.EntitlementManagement;
import com.cloudpartner.entitlement.entitlement.IaasEntitlement;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * The entitlements resources are created under, asked of the entitlements feature: an
 * entitlement named in a request must be the customer's, ACTIVE and IAAS.
 */
@Component
class IaasEntitlements {

	private final EntitlementManagement entitlements;

	IaasEntitlements(EntitlementManagement entitlements) {
		this.entitlements = entitlements;
	}

	/**
	 * @param reference the entitlement's name or bare id
	 */
	IaasEntitlement require(String accountId, String customerId, String reference) {
		String prefix = "accounts/" + accountId + "/customers/" + customerId + "/entitlements/";
		String id = reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
		if (id.isBlank() || id.contains("/")) {
			throw ApiProblem.notFound("ENTITLEMENT_NOT_FOUND", "There is no entitlement " + reference
					+ " of customer accounts/" + accountId + "/customers/" + customerId + ".");
		}
		return this.entitlements.requireActiveIaas(accountId, customerId, id);
	}

}
