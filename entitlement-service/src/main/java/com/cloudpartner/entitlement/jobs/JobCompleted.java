package com.cloudpartner.entitlement.jobs;

import java.time.Instant;

/**
 * The data of {@code job.completed} (docs/events/job.completed.json).
 *
 * @param accountId the partner account
 * @param customerId the customer
 * @param jobId the job id
 * @param type what was done
 * @param target the resource's name
 * @param state SUCCEEDED or FAILED
 * @param error why it failed, null when it succeeded
 * @param requestedBy who asked
 * @param createTime when it was asked for
 * @param finishTime when it finished
 */
record JobCompleted(String accountId, String customerId, String jobId, String type, String target, String state,
		JobView.Error error, String requestedBy, Instant createTime, Instant finishTime) {

	static JobCompleted of(Job job, JobState state, String errorCode, String errorMessage, Instant finishTime) {
		return new JobCompleted(job.accountId(), job.customerId(), job.id(), job.type(), job.target(), state.name(),
				(errorCode != null) ? new JobView.Error(errorCode, errorMessage) : null, job.requestedBy(),
				job.createTime(), finishTime);
	}

}
