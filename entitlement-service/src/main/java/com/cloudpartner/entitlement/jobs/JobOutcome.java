package com.cloudpartner.entitlement.jobs;

/**
 * How a job's work ended, and how to record what the provider now holds.
 *
 * @param succeeded whether the provider did what was asked
 * @param errorCode why not
 * @param errorMessage how not
 * @param record writes the resource's new state; runs inside the transaction that
 * finishes the job
 */
public record JobOutcome(boolean succeeded, String errorCode, String errorMessage, Runnable record) {

	public static JobOutcome success(Runnable record) {
		return new JobOutcome(true, null, null, record);
	}

	public static JobOutcome failure(String code, String message, Runnable record) {
		return new JobOutcome(false, code, message, record);
	}

}
