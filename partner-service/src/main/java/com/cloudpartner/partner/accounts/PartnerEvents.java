package com.cloudpartner.partner.accounts;

import java.time.Instant;

/**
 * The data of {@code partner.suspended}, {@code partner.reinstated} and
 * {@code partner.contract.changed} on {@code partner-events} (docs/events/*.json).
 */
final class PartnerEvents {

	static final String SUSPENDED = "partner.suspended";

	static final String REINSTATED = "partner.reinstated";

	static final String CONTRACT_CHANGED = "partner.contract.changed";

	private PartnerEvents() {
	}

	record StateChanged(String accountId, String state) {
	}

	record ContractChanged(String accountId, PartnerApproved.Contract contract, Instant effectiveTime) {

		static ContractChanged of(PartnerAccount account, Instant time) {
			PartnerAccount.Contract contract = account.contract();
			return new ContractChanged(account.id(), new PartnerApproved.Contract(contract.reference(),
					contract.supplyDiscountPercent().toPlainString(), contract.currencyCode()), time);
		}

	}

}
