package com.cloudpartner.entitlement.catalog;

/** The unit a meter counts in and a price is quoted per. */
public enum Unit {

	HOUR, DAY, MONTH, GB, COUNT, SEAT_MONTH

}
