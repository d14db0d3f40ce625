package com.cloudpartner.entitlement.resources;

/**
 * Where a resource stands. Servers are RUNNING or STOPPED once provisioned, every other
 * kind ACTIVE. ERROR: the provider failed to create it and holds nothing of it (it can
 * only be deleted).
 */
public enum ResourceState {

	PROVISIONING, RUNNING, STOPPED, ACTIVE, DELETING, DELETED, ERROR

}
