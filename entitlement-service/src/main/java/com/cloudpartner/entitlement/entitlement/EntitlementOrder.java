package com.cloudpartner.entitlement.entitlement;

import java.util.List;

/**
 * A partner's purchase of an offer for a customer, as requested.
 *
 * @param accountId the purchasing partner
 * @param customerId its customer
 * @param offer the offer's resource name
 * @param parameters purchase parameters
 * @param billingAccount the billing account's resource name
 * @param purchaseOrderId the partner's reference, may be null
 */
record EntitlementOrder(String accountId, String customerId, String offer, List<Parameter> parameters,
		String billingAccount, String purchaseOrderId) {

}
