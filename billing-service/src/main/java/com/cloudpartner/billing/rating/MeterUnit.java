package com.cloudpartner.billing.rating;

/**
 * How a meter counts. {@link #HOUR} and {@link #DAY} count billable periods of a resource
 * (each started hour or day once); the others carry a quantity that is summed.
 */
public enum MeterUnit {

	HOUR, DAY, MONTH, GB, COUNT, SEAT_MONTH;

	/** Whether usage counts billable periods rather than a quantity. */
	public boolean isPeriodic() {
		return this == HOUR || this == DAY;
	}

}
