package com.cloudpartner.support.security;

import com.cloudpartner.support.problem.ApiProblem;

/**
 * The access rules every service applies on top of the gateway's: who may act on an
 * account, and who on one customer of it.
 */
public final class Access {

	private Access() {
	}

	public static void requireOperator(VerifiedToken token) {
		if (!token.isOperator()) {
			throw ApiProblem.forbidden("OPERATOR_ONLY", "Only an operator may do this.");
		}
	}

	public static void requireScope(VerifiedToken token, String scope) {
		if (!token.hasScope(scope) && !token.isOperator()) {
			throw ApiProblem.forbidden("SCOPE_MISSING", "The token lacks the scope '" + scope + "'.");
		}
	}

	/** A partner token of this account, or an operator. */
	public static void requireAccount(VerifiedToken token, String accountId) {
		if (token.isOperator() || (token.actsForAccount(accountId) && token.hasScope(VerifiedToken.PARTNER))) {
			return;
		}
		throw ApiProblem.forbidden("ACCOUNT_FORBIDDEN", "The token may not act on account " + accountId + ".");
	}

	/**
	 * A partner administrator: a member of the account's partner signed in (a login token
	 * with the {@code member} and {@code partner} scopes), or an operator. An API
	 * client's token of the account is not enough, so that a leaked credential cannot
	 * mint others.
	 */
	public static void requirePartnerMember(VerifiedToken token, String accountId) {
		if (token.isOperator()) {
			return;
		}
		requireAccount(token, accountId);
		if (!token.hasScope(VerifiedToken.MEMBER)) {
			throw ApiProblem.forbidden("PARTNER_MEMBER_REQUIRED",
					"Only a signed-in member of the partner (or an operator) may do this; an API client's token may not.");
		}
	}

	/** Read access to an account: a read-only partner token is enough. */
	public static void requireAccountRead(VerifiedToken token, String accountId) {
		if (token.isOperator() || token.actsForAccount(accountId)) {
			return;
		}
		throw ApiProblem.forbidden("ACCOUNT_FORBIDDEN", "The token may not read account " + accountId + ".");
	}

	/**
	 * The account's partner, an operator, or a console token of exactly this customer.
	 */
	public static void requireCustomer(VerifiedToken token, String accountId, String customerId) {
		if (token.isConsole()) {
			if (accountId.equals(token.accountId()) && customerId.equals(token.customerId())) {
				return;
			}
			throw ApiProblem.forbidden("CUSTOMER_FORBIDDEN", "The console token is bound to another customer.");
		}
		requireAccountRead(token, accountId);
	}

}
