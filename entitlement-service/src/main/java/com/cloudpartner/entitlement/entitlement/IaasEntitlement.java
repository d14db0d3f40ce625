package com.cloudpartner.entitlement.entitlement;

/**
 * An entitlement that resources may be created under: ACTIVE and of an IAAS product.
 *
 * @param name {@code accounts/{a}/customers/{c}/entitlements/{e}}
 * @param accountId the partner account
 * @param customerId the customer
 * @param entitlementId the entitlement id
 * @param offer the offer's resource name
 * @param sku the entitlement's SKU resource name
 * @param billingAccount the billing account's resource name
 */
public record IaasEntitlement(String name, String accountId, String customerId, String entitlementId, String offer,
		String sku, String billingAccount) {

}
