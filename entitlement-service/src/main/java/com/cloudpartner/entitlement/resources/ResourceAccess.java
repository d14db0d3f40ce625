package com.cloudpartner.entitlement.resources;

import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

/**
 * Who may change a customer's resources: the partner (not read-only), an operator, or
 * that customer's console.
 */
final class ResourceAccess {

	private ResourceAccess() {
	}

	static void requireWrite(VerifiedToken token, String accountId, String customerId) {
		if (token.isConsole()) {
			Access.requireCustomer(token, accountId, customerId);
		}
		else {
			Access.requireAccount(token, accountId);
		}
	}

}
