package com.cloudpartner.gateway.partners;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The partner accounts currently suspended, rebuilt at every start from the whole
 * {@code partner-events} topic and kept up to date from it.
 */
@Component
public class SuspendedAccounts {

	private final Set<String> suspended = ConcurrentHashMap.newKeySet();

	public boolean isSuspended(String accountId) {
		return accountId != null && this.suspended.contains(accountId);
	}

	void suspend(String accountId) {
		this.suspended.add(accountId);
	}

	void reinstate(String accountId) {
		this.suspended.remove(accountId);
	}

}
