package com.cloudpartner.entitlement.catalog;

/** The unit of an offer's payment cycle. */
public enum PeriodType {

	MONTH, YEAR

}
