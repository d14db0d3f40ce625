package com.cloudpartner.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end user's console, held in memory. The customer's console token changes as it is
 * refreshed; everything else is fixed when the session opens. It also carries the
 * session's CSRF token and a few values shown once after a redirect (an error of the API,
 * a new server password), which are gone as soon as they are read.
 */
public final class ConsoleSession {

	private static final int MAX_ONE_TIME_VALUES = 32;

	private final String id;

	private final String accountId;

	private final String customerId;

	private final String userId;

	private final Instant expiresAt;

	private final String csrfToken;

	private final Map<String, OneTimeValue> oneTimeValues = new ConcurrentHashMap<>();

	private final ReentrantLock refreshLock = new ReentrantLock();

	private volatile CustomerToken token;

	ConsoleSession(String id, String accountId, String customerId, String userId, CustomerToken token,
			Instant expiresAt, String csrfToken) {
		this.id = id;
		this.csrfToken = csrfToken;
		this.accountId = accountId;
		this.customerId = customerId;
		this.userId = userId;
		this.token = token;
		this.expiresAt = expiresAt;
	}

	public String id() {
		return this.id;
	}

	public String accountId() {
		return this.accountId;
	}

	public String customerId() {
		return this.customerId;
	}

	public String userId() {
		return this.userId;
	}

	public Instant expiresAt() {
		return this.expiresAt;
	}

	public CustomerToken token() {
		return this.token;
	}

	public void replaceToken(CustomerToken token) {
		this.token = token;
	}

	/** Serializes token refreshes of this session, so that one page load mints once. */
	public ReentrantLock refreshLock() {
		return this.refreshLock;
	}

	/** The token every form of this session carries. */
	public String csrfToken() {
		return this.csrfToken;
	}

	/** Whether a submitted form carries this session's CSRF token (constant time). */
	public boolean acceptsCsrfToken(String submitted) {
		return submitted != null && MessageDigest.isEqual(this.csrfToken.getBytes(StandardCharsets.UTF_8),
				submitted.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Keeps a value for the next page that asks for it, for at most {@code ttl}; a second
	 * value under the same key replaces the first.
	 */
	public void holdOnce(String key, String value, Instant now, Duration ttl) {
		this.oneTimeValues.values().removeIf((held) -> !now.isBefore(held.expiresAt()));
		if (this.oneTimeValues.size() >= MAX_ONE_TIME_VALUES) {
			// a session that never reads what it was given: forget the lot
			this.oneTimeValues.clear();
		}
		this.oneTimeValues.put(key, new OneTimeValue(value, now.plus(ttl)));
	}

	/** The value held under the key, removed as it is read; empty once expired. */
	public Optional<String> takeOnce(String key, Instant now) {
		this.oneTimeValues.values().removeIf((held) -> !now.isBefore(held.expiresAt()));
		OneTimeValue held = this.oneTimeValues.remove(key);
		return (held != null) ? Optional.of(held.value()) : Optional.empty();
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "ConsoleSession[account=" + this.accountId + ", customer=" + this.customerId + "]";
	}

	private record OneTimeValue(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "OneTimeValue[expiresAt=" + this.expiresAt + "]";
		}

	}

	/** A console token of the session's customer and when it expires. */
	public record CustomerToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "CustomerToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
