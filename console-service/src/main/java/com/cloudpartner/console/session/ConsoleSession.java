package com.cloudpartner.console.session;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end user's console, held in memory. The customer's console token changes as it is
 * refreshed; everything else is fixed when the session opens.
 */
public final class ConsoleSession {

	private final String id;

	private final String accountId;

	private final String customerId;

	private final String userId;

	private final Instant expiresAt;

	private final ReentrantLock refreshLock = new ReentrantLock();

	private volatile CustomerToken token;

	ConsoleSession(String id, String accountId, String customerId, String userId, CustomerToken token,
			Instant expiresAt) {
		this.id = id;
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

	boolean isExpired(Instant now) {
		return !now.isBefore(this.expiresAt);
	}

	@Override
	public String toString() {
		return "ConsoleSession[account=" + this.accountId + ", customer=" + this.customerId + "]";
	}

	/** A console token of the session's customer and when it expires. */
	public record CustomerToken(String value, Instant expiresAt) {

		@Override
		public String toString() {
			return "CustomerToken[expiresAt=" + this.expiresAt + "]";
		}

	}

}
