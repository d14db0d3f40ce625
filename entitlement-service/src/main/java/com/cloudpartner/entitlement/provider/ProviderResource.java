package com.cloudpartner.entitlement.provider;

/**
 * What the cloud holds for one resource.
 *
 * @param id the provider's id (the platform's resource id)
 * @param kind SERVER, DISK, ...
 * @param state RUNNING, STOPPED (servers) or ACTIVE
 * @param sku the server spec, null for other kinds
 * @param sizeGb storage size, null where it has none
 * @param networkBlocked whether its traffic is blocked
 * @param attachedTo the server a disk, public IP or firewall rule is bound to
 * @param address the public address of a public IP or load balancer
 */
public record ProviderResource(String id, String kind, String state, String sku, Integer sizeGb, boolean networkBlocked,
		String attachedTo, String address) {

}
