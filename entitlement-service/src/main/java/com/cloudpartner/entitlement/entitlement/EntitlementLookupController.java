package com.cloudpartner.entitlement.entitlement;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service to service (not routed by the gateway, not in the public contract): which of
 * the named (customer, entitlement) pairs of an account exist. billing-service asks it,
 * with the usage reporter's own token, for usage naming an entitlement whose
 * {@code entitlement.created} it has not consumed yet (decision 0073); a pair that is not
 * listed does not exist under that account and customer.
 */
@Hidden
@RestController
class EntitlementLookupController {

	/** As many as one usage batch can name. */
	static final int MAX_PAIRS = 1000;

	private final Entitlements entitlements;

	EntitlementLookupController(Entitlements entitlements) {
		this.entitlements = entitlements;
	}

	@PostMapping("/v1/accounts/{accountId}/lookup-entitlements")
	Found lookup(VerifiedToken token, @PathVariable String accountId, @Valid @RequestBody Lookup request) {
		requireReporterOf(token, accountId);
		List<String> customers = new ArrayList<>(request.entitlements().size());
		List<String> ids = new ArrayList<>(request.entitlements().size());
		for (Pair pair : request.entitlements()) {
			customers.add(pair.customerId());
			ids.add(pair.entitlementId());
		}
		return new Found(this.entitlements.existing(accountId, customers, ids)
			.stream()
			.map((key) -> new Pair(key.customerId(), key.id()))
			.toList());
	}

	/**
	 * An operator, or a partner, read-only or usage reporter's token of the account (not
	 * a console token): whoever may report usage of the account or read its entitlements.
	 */
	private static void requireReporterOf(VerifiedToken token, String accountId) {
		if (token.isOperator() || (!token.isConsole() && accountId.equals(token.accountId())
				&& (token.actsForAccount(accountId) || token.hasScope(VerifiedToken.USAGE_WRITE)))) {
			return;
		}
		throw ApiProblem.forbidden("ACCOUNT_FORBIDDEN", "The token may not look up entitlements of " + accountId + ".");
	}

	/**
	 * @param entitlements the pairs asked about, at most {@value #MAX_PAIRS}
	 */
	record Lookup(@NotNull @Size(max = MAX_PAIRS) List<@NotNull @Valid Pair> entitlements) {
	}

	/**
	 * @param entitlements the pairs that exist
	 */
	record Found(List<Pair> entitlements) {
	}

	record Pair(@NotBlank String customerId, @NotBlank String entitlementId) {
	}

}
