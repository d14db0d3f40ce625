package com.cloudpartner.partner.accounts;

import java.util.List;

/**
 * The data of {@code partner.approved} on {@code partner-events}
 * (docs/events/partner.approved.json).
 */
record PartnerApproved(String accountId, String publicId, String displayName, String state, Contract contract,
		List<BillingAccountData> billingAccounts) {

	static final String TYPE = "partner.approved";

	static PartnerApproved of(PartnerAccount account, List<BillingAccount> billingAccounts) {
		PartnerAccount.Contract contract = account.contract();
		return new PartnerApproved(account.id(), account.publicId(), account.displayName(), account.state().name(),
				new Contract(contract.reference(), contract.supplyDiscountPercent().toPlainString(),
						contract.currencyCode()),
				billingAccounts.stream()
					.map((b) -> new BillingAccountData(b.name(), b.id(), b.displayName(), b.currencyCode(),
							b.regionCode()))
					.toList());
	}

	record Contract(String reference, String supplyDiscountPercent, String currencyCode) {
	}

	record BillingAccountData(String name, String id, String displayName, String currencyCode, String regionCode) {
	}

}
