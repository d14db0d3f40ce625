package com.cloudpartner.entitlement.common;

/** Names shared by the producers of this service's events. */
public final class Events {

	/** The CloudEvents {@code source} of everything this service publishes. */
	public static final String SOURCE = "/entitlement-service";

	/** Offers and entitlements, keyed by the resource name they are about. */
	public static final String ENTITLEMENT_EVENTS = "entitlement-events";

	/** Partner accounts, billing accounts and customers, published by partner-service. */
	public static final String PARTNER_EVENTS = "partner-events";

	private Events() {
	}

}
