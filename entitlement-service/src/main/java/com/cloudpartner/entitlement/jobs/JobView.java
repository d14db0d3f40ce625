package com.cloudpartner.entitlement.jobs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A job as the API shows it.
 *
 * @param name {@code accounts/{a}/jobs/{j}}
 * @param id the job id
 * @param customer the customer's name
 * @param type what is done
 * @param target the resource's name
 * @param state QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param requestedBy who asked
 * @param createTime when it was asked for
 * @param startTime when it last started running
 * @param finishTime when it finished
 * @param error why it failed
 */
public record JobView(String name, String id, String customer, String type, String target, String state,
		String requestedBy, Instant createTime, Instant startTime, Instant finishTime,
		@JsonInclude(JsonInclude.Include.ALWAYS) Error error) {

	public static JobView of(Job job) {
		return new JobView(job.name(), job.id(), "accounts/" + job.accountId() + "/customers/" + job.customerId(),
				job.type(), job.target(), job.state().name(), job.requestedBy(), job.createTime(), job.startTime(),
				job.finishTime(), (job.errorCode() != null) ? new Error(job.errorCode(), job.errorMessage()) : null);
	}

	/**
	 * Why a job failed.
	 *
	 * @param code stable UPPER_SNAKE code, for example QUOTA_EXCEEDED
	 * @param message a sentence for people
	 */
	public record Error(String code, String message) {
	}

}
