package com.cloudpartner.entitlement.partner;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.partner.PartnerDirectory.BillingAccount;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import com.cloudpartner.entitlement.common.ProblemResponses;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ProblemResponses
@RestController
@Tag(name = "Billing accounts")
class BillingAccountController {

	private final PartnerDirectory directory;

	BillingAccountController(PartnerDirectory directory) {
		this.directory = directory;
	}

	@GetMapping("/v1/accounts/{accountId}/billing-accounts")
	@Operation(summary = "List the partner's billing accounts")
	BillingAccountList list(VerifiedToken token, @PathVariable String accountId,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		var page = this.directory.listBillingAccounts(accountId, PageRequest.of(pageSize, pageToken, 1))
			.map(BillingAccountView::of);
		return new BillingAccountList(page.items(), page.nextPageToken());
	}

	record BillingAccountView(String name, String displayName, String currencyCode, String regionCode) {

		static BillingAccountView of(BillingAccount account) {
			return new BillingAccountView(account.name(), account.displayName(), account.currency(),
					account.regionCode());
		}

	}

	record BillingAccountList(List<BillingAccountView> billingAccounts, String nextPageToken) {

	}

}
