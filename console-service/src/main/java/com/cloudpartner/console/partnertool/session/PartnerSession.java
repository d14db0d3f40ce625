package com.cloudpartner.console.partnertool.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A partner member signed in to the partner tool, held in memory. The member's own token
 * stays here on the server; the browser only ever holds the session id. The account id
 * comes from that verified token and is the only account the session may act on.
 */
public final class PartnerSession {

	private final String id;

	private final String accountId;

	private final String memberId;

	private final String loginId;

	private final String bearerToken;

	private final String csrfToken;

	private final Instant expiresAt;

	private volatile String accountName;

	private final AtomicReference<Flash> flash = new AtomicReference<>();

	PartnerSession(String id, SignIn signIn, String csrfToken, Instant expiresAt) {
		this.id = id;
		this.accountId = signIn.accountId();
		this.memberId = signIn.memberId();
		this.loginId = signIn.loginId();
		this.bearerToken = signIn.token();
		this.accountName = signIn.accountName();
		this.csrfToken = csrfToken;
		this.expiresAt = expiresAt;
	}

	public String id() {
		return this.id;
	}

	/** The partner account of the member's token: every call acts on this one only. */
	public String accountId() {
		return this.accountId;
	}

	public String memberId() {
		return this.memberId;
	}

	public String loginId() {
		return this.loginId;
	}

	/**
	 * The member's token for partner-service; never rendered, never sent to a browser.
	 */
	public String bearerToken() {
		return this.bearerToken;
	}

	/** The token every form of this session carries, compared on each POST. */
	public String csrfToken() {
		return this.csrfToken;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public String accountName() {
		return this.accountName;
	}

	public void accountName(String name) {
		this.accountName = name;
	}

	/** Leaves a message (and data such as a new secret) for the next page shown. */
	public void flash(Flash message) {
		this.flash.set(message);
	}

	/** The message left for this page, once: a reload does not show it again. */
	public Flash takeFlash() {
		return this.flash.getAndSet(null);
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "PartnerSession[account=" + this.accountId + ", member=" + this.memberId + "]";
	}

	/**
	 * What a successful sign-in established.
	 *
	 * @param accountId the token's {@code acct}
	 * @param memberId the token's {@code sub}
	 * @param loginId what the member typed
	 * @param token the member's token
	 * @param tokenExpiresAt the token's {@code exp}
	 * @param accountName the partner's name to show
	 */
	public record SignIn(String accountId, String memberId, String loginId, String token, Instant tokenExpiresAt,
			String accountName) {

		@Override
		public String toString() {
			return "SignIn[account=" + this.accountId + ", member=" + this.memberId + "]";
		}

	}

	/**
	 * A message for the next page after a redirect.
	 *
	 * @param error whether it reports a failure
	 * @param key the message key
	 * @param args the message's arguments (shown escaped)
	 * @param model further values for the page, such as a secret shown once
	 */
	public record Flash(boolean error, String key, Object[] args, Map<String, Object> model) {

		public static Flash success(String key, Object... args) {
			return new Flash(false, key, args, Map.of());
		}

		public static Flash failure(String key, Object... args) {
			return new Flash(true, key, args, Map.of());
		}

		public Flash with(String name, Object value) {
			HashMap<String, Object> values = new HashMap<>(this.model);
			values.put(name, value);
			return new Flash(this.error, this.key, this.args, Map.copyOf(values));
		}

		@Override
		public String toString() {
			return "Flash[" + this.key + "]";
		}

	}

}
