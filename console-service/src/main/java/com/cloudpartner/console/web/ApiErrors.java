package com.cloudpartner.console.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.cloudpartner.console.session.ConsoleSession;
import com.cloudpartner.console.upstream.UpstreamRefusedException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the API's refusals and job errors into messages the end user reads: each known
 * {@code code} has its own {@code error.code.<CODE>} message, other codes fall back to
 * one per status. A refusal of a form is held in the session for the page the browser is
 * redirected to.
 */
@Component
public class ApiErrors {

	private static final String HELD = "refusal";

	private static final Duration HOLD = Duration.ofMinutes(5);

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	private final MessageSource messages;

	private final Clock clock;

	ApiErrors(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/** The message of a refusal of the API. */
	public Refusal refusal(int status, String code) {
		String safeCode = (code != null && CODE.matcher(code).matches()) ? code : "UNKNOWN";
		String key = "error.code." + safeCode;
		if (!exists(key)) {
			key = exists("error.status." + status) ? "error.status." + status : "error.status.other";
		}
		return new Refusal(status, safeCode, key);
	}

	/** The message of a job's error code; a failed job without one has a general one. */
	public Refusal jobError(String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			return new Refusal(0, "UNKNOWN", "error.job.failed");
		}
		String key = "error.code." + code;
		return new Refusal(0, code, exists(key) ? key : "error.job.failed");
	}

	/** Keeps a refusal of a form for the page the browser goes to next. */
	public void holdForNextPage(ConsoleSession session, UpstreamRefusedException refused) {
		holdForNextPage(session, refused.status(), refused.code());
	}

	/** Keeps a refusal of the console's own (for a form it could not send). */
	public void holdForNextPage(ConsoleSession session, int status, String code) {
		session.holdOnce(HELD, status + ":" + code, this.clock.instant(), HOLD);
	}

	/** The refusal held for this page, if any; gone once taken. */
	public Optional<Refusal> takeHeld(ConsoleSession session) {
		return session.takeOnce(HELD, this.clock.instant()).map((held) -> {
			int colon = held.indexOf(':');
			return refusal(Integer.parseInt(held.substring(0, colon)), held.substring(colon + 1));
		});
	}

	private boolean exists(String key) {
		return this.messages.getMessage(key, null, null, Locale.ENGLISH) != null;
	}

	/**
	 * What went wrong, for a page.
	 *
	 * @param status the API's HTTP status (0 for a job's error)
	 * @param code the API's stable code, shown small for support
	 * @param messageKey the message to show
	 */
	public record Refusal(int status, String code, String messageKey) {

	}

}
