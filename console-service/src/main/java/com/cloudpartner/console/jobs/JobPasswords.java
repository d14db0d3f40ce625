package com.cloudpartner.console.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.cloudpartner.console.session.ConsoleSession;

import org.springframework.stereotype.Component;

/**
 * A server password that the API answered once (at creation or reset), carried from the
 * form's POST to the job page the browser is redirected to, and shown there once. It
 * lives only in the session's memory, is gone as soon as the job page has read it (or
 * after a few minutes), and is never written to a log or anywhere else.
 */
@Component
public class JobPasswords {

	private static final Duration HOLD = Duration.ofMinutes(5);

	private final Clock clock;

	JobPasswords(Clock clock) {
		this.clock = clock;
	}

	public void hold(ConsoleSession session, String jobId, String password) {
		if (password != null && !password.isEmpty()) {
			session.holdOnce(key(jobId), password, this.clock.instant(), HOLD);
		}
	}

	Optional<String> take(ConsoleSession session, String jobId) {
		return session.takeOnce(key(jobId), this.clock.instant());
	}

	private static String key(String jobId) {
		return "password:" + jobId;
	}

}
