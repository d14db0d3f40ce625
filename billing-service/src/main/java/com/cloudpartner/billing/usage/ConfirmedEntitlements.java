package com.cloudpartner.billing.usage;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The entitlements entitlement-service confirmed lately (decision 0073), so that a
 * reporter's next batches of a new entitlement's usage do not ask again while its
 * {@code entitlement.created} is still on the way. Positive answers only, kept briefly:
 * by then billing's projection has the entitlement. Bounded: when full, the expired
 * answers go, and if none had, all of them (they are asked again).
 */
@Component
class ConfirmedEntitlements {

	static final int MAX_ENTRIES = 10_000;

	private final ConcurrentHashMap<String, Long> expiries = new ConcurrentHashMap<>();

	private final long ttlNanos;

	ConfirmedEntitlements(@Value("${platform.billing.confirmed-entitlements-ttl:60s}") Duration ttl) {
		this.ttlNanos = ttl.toNanos();
	}

	boolean contains(String accountId, String customerId, String entitlementId) {
		String key = key(accountId, customerId, entitlementId);
		Long expiry = this.expiries.get(key);
		if (expiry == null) {
			return false;
		}
		if (System.nanoTime() - expiry >= 0) {
			this.expiries.remove(key, expiry);
			return false;
		}
		return true;
	}

	void add(String accountId, String customerId, String entitlementId) {
		long now = System.nanoTime();
		if (this.expiries.size() >= MAX_ENTRIES) {
			this.expiries.values().removeIf((expiry) -> now - expiry >= 0);
			if (this.expiries.size() >= MAX_ENTRIES) {
				this.expiries.clear();
			}
		}
		this.expiries.put(key(accountId, customerId, entitlementId), now + this.ttlNanos);
	}

	private static String key(String accountId, String customerId, String entitlementId) {
		return accountId + "\u0000" + customerId + "\u0000" + entitlementId;
	}

}
