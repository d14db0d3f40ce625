package com.cloudpartner.entitlement.catalog;

/** How an offer is paid. */
public enum PaymentPlan {

	FLEXIBLE, COMMITMENT, TRIAL, FREE

}
