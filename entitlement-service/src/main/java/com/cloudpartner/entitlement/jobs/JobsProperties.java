package com.cloudpartner.entitlement.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.resources.jobs.*}: how the job runner polls and recovers.
 *
 * @param pollInterval how often it looks for queued jobs
 * @param batchSize how many jobs one poll claims
 * @param runningTimeout a RUNNING job older than this is taken to have lost its runner
 * @param maxAttempts runs of a job before it fails with {@code JOB_TIMED_OUT}
 */
@ConfigurationProperties("platform.resources.jobs")
public record JobsProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("10m") Duration runningTimeout, @DefaultValue("3") int maxAttempts) {

}
