package com.cloudpartner.entitlement.jobs;

/**
 * QUEUED -> RUNNING -> SUCCEEDED or FAILED; a RUNNING job whose runner died is queued
 * again.
 */
public enum JobState {

	QUEUED, RUNNING, SUCCEEDED, FAILED;

	public boolean finished() {
		return this == SUCCEEDED || this == FAILED;
	}

}
