package com.cloudpartner.entitlement.entitlement;

/**
 * How many resources (servers, disks, ...) still exist under an entitlement. Cancelling
 * an entitlement is refused with {@code 409 RESOURCES_STILL_ACTIVE} while this is above
 * zero. The resources feature provides the bean; without one, no entitlement has
 * resources.
 */
public interface ResourceCounter {

	/**
	 * Resources under the entitlement that are not yet deleted.
	 * @param accountId the partner account
	 * @param entitlementId the entitlement id (the last segment of its name)
	 * @return how many; 0 when none
	 */
	long activeResources(String accountId, String entitlementId);

}
