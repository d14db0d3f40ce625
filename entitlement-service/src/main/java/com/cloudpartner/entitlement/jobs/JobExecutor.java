package com.cloudpartner.entitlement.jobs;

/**
 * Does the work of jobs. The runner calls {@link #execute} outside any transaction (it
 * talks to the provider and may take seconds), then runs the outcome's {@code record}
 * inside the transaction that finishes the job, so that the resource's new state, the
 * job's end and its {@code job.completed} event commit together.
 */
public interface JobExecutor {

	/**
	 * Performs the job against the provider; a provider failure is an outcome, not an
	 * exception.
	 */
	JobOutcome execute(Job job);

	/**
	 * The job will not run again (it timed out too often): record the provider's truth.
	 * Runs in the finishing transaction.
	 */
	void abandon(Job job);

}
