package com.cloudpartner.partner.accounts;

/**
 * A billing account of a partner, in one currency and region.
 */
public record BillingAccount(String accountId, String id, String displayName, String currencyCode, String regionCode) {

	public String name() {
		return "accounts/" + this.accountId + "/billingAccounts/" + this.id;
	}

}
