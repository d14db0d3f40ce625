package com.cloudpartner.entitlement.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One asynchronous change of a resource, {@code accounts/{accountId}/jobs/{id}}.
 *
 * @param accountId the partner account
 * @param id the job id
 * @param customerId the customer whose resource changes
 * @param type what is done, for example {@code CREATE_SERVER}
 * @param target the resource's name
 * @param resourceId the resource's id
 * @param state QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param requestedBy the token subject that asked
 * @param payload the inputs of the change (never a secret)
 * @param attempts how often a runner started it
 * @param errorCode why it failed
 * @param errorMessage how it failed
 * @param createTime when it was asked for
 * @param startTime when a runner last started it
 * @param finishTime when it finished
 */
public record Job(String accountId, String id, String customerId, String type, String target, String resourceId,
		JobState state, String requestedBy, Map<String, Object> payload, int attempts, String errorCode,
		String errorMessage, Instant createTime, Instant startTime, Instant finishTime) {

	public Job {
		payload = (payload != null) ? Map.copyOf(payload) : Map.of();
	}

	public static Job queue(String accountId, String customerId, String type, String target, String resourceId,
			String requestedBy, Map<String, Object> payload, Instant now) {
		return new Job(accountId, UUID.randomUUID().toString(), customerId, type, target, resourceId, JobState.QUEUED,
				requestedBy, payload, 0, null, null, now, null, null);
	}

	public String name() {
		return "accounts/" + this.accountId + "/jobs/" + this.id;
	}

	public String text(String key) {
		Object value = this.payload.get(key);
		return (value != null) ? value.toString() : null;
	}

}
