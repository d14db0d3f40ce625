package com.cloudpartner.support.security;

import java.time.Instant;
import java.util.Set;

/**
 * The claims of a JWT whose signature, issuer, audience and lifetime have been checked.
 *
 * @param subject {@code sub}: the client id, member id or customer the token speaks for
 * @param audience {@code aud}: {@code partner-api} or {@code console}
 * @param scopes {@code scope}, split on spaces
 * @param accountId {@code acct}: the partner account, absent for operators and members
 * @param customerId {@code cust}: the customer of a console token
 * @param tokenId {@code jti}
 * @param expiresAt {@code exp}
 */
public record VerifiedToken(String subject, Set<String> audience, Set<String> scopes, String accountId,
		String customerId, String tokenId, Instant expiresAt) {

	public static final String OPERATOR = "operator";

	public static final String PARTNER = "partner";

	public static final String PARTNER_READ = "partner.read";

	public static final String MEMBER = "member";

	public static final String USAGE_WRITE = "usage.write";

	public static final String CONSOLE = "console";

	public boolean hasScope(String scope) {
		return this.scopes.contains(scope);
	}

	public boolean isOperator() {
		return hasScope(OPERATOR);
	}

	public boolean isConsole() {
		return this.audience.contains("console") && hasScope(CONSOLE);
	}

	/** A partner token (full or read-only) bound to the given account. */
	public boolean actsForAccount(String account) {
		return account != null && account.equals(this.accountId) && !isConsole()
				&& (hasScope(PARTNER) || hasScope(PARTNER_READ));
	}

}
