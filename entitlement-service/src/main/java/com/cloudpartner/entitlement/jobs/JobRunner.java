package com.cloudpartner.entitlement.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.entitlement.common.Events;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs queued jobs: claims them with {@code FOR UPDATE SKIP LOCKED} (several instances
 * may poll one database), performs each on a virtual thread, and finishes it in one
 * transaction with the resource's new state and a {@code job.completed} event. Jobs left
 * RUNNING by a crashed runner are queued again after {@code running-timeout} (provider
 * operations are idempotent per resource) and fail with {@code JOB_TIMED_OUT} after
 * {@code max-attempts}.
 */
@Component
class JobRunner implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final Jobs jobs;

	private final JobExecutor executor;

	private final Outbox outbox;

	private final TransactionTemplate tx;

	private final JobsProperties properties;

	private final Clock clock;

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	private volatile Thread poller;

	JobRunner(Jobs jobs, JobExecutor executor, Outbox outbox, TransactionTemplate tx, JobsProperties properties,
			Clock clock) {
		this.jobs = jobs;
		this.executor = executor;
		this.outbox = outbox;
		this.tx = tx;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.poller = Thread.ofVirtual().name("job-runner").start(this::poll);
	}

	private void poll() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				recoverStale();
				List<Job> claimed = this.tx.execute((status) -> this.jobs.claim(this.properties.batchSize(), now()));
				claimed.forEach((job) -> this.workers.submit(() -> run(job)));
				if (claimed.isEmpty()) {
					Thread.sleep(this.properties.pollInterval());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// typically the database is unreachable: say so once per poll, without a
				// stack trace each time
				log.warn("Job runner poll failed ({}); retrying", ex.toString());
				log.debug("Job runner poll failure", ex);
				sleepQuietly();
			}
		}
	}

	void run(Job job) {
		JobOutcome outcome;
		try {
			outcome = this.executor.execute(job);
		}
		catch (RuntimeException ex) {
			// a bug or an unreachable database: leave the job RUNNING, recovery retries
			// it
			log.error("Job {} failed unexpectedly; it will be retried after the running timeout", job.name(), ex);
			return;
		}
		this.tx.executeWithoutResult((status) -> {
			JobState state = outcome.succeeded() ? JobState.SUCCEEDED : JobState.FAILED;
			Instant now = now();
			if (this.jobs.finish(job, state, outcome.errorCode(), outcome.errorMessage(), now)) {
				if (outcome.record() != null) {
					outcome.record().run();
				}
				publish(job, state, outcome.errorCode(), outcome.errorMessage(), now);
			}
		});
	}

	private void recoverStale() {
		this.tx.executeWithoutResult((status) -> {
			for (Job job : this.jobs.stale(now().minus(this.properties.runningTimeout()))) {
				if (job.attempts() < this.properties.maxAttempts()) {
					log.warn("Job {} has been running since {}: queueing it again", job.name(), job.startTime());
					this.jobs.requeue(job);
				}
				else {
					String message = "The job did not finish after " + job.attempts() + " attempts.";
					Instant now = now();
					if (this.jobs.finish(job, JobState.FAILED, "JOB_TIMED_OUT", message, now)) {
						this.executor.abandon(job);
						publish(job, JobState.FAILED, "JOB_TIMED_OUT", message, now);
					}
				}
			}
		});
	}

	private void publish(Job job, JobState state, String code, String message, Instant now) {
		this.outbox.append(Events.ENTITLEMENT_EVENTS, job.name(), CloudEvent.of(Events.SOURCE, "job.completed",
				job.name(), now, JobCompleted.of(job, state, code, message, now)));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(this.properties.pollInterval());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void destroy() {
		if (this.poller != null) {
			this.poller.interrupt();
		}
		this.workers.shutdownNow();
	}

}
