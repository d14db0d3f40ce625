package com.cloudpartner.entitlement.catalog;

/** The unit of an offer's payment cycle (DAY for trials such as 30 days). */
public enum PeriodType {

	DAY, MONTH, YEAR

}
