package com.cloudpartner.entitlement.entitlement;

/** Lifecycle of an entitlement. */
enum EntitlementState {

	ACTIVE, SUSPENDED, CANCELLED

}
