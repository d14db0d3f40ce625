package com.cloudpartner.partner.customers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.tokens.IssuedToken;
import com.cloudpartner.partner.tokens.TokenIssuer;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Console tokens: the short-lived JWT that a partner's page posts, with the user id, to
 * open that end user's console.
 */
@RestController
@Tag(name = "Customers")
class ConsoleTokenController {

	static final String CONSOLE_ISSUER = "console.issuer";

	private final CustomerManagement customers;

	private final PartnerAccountManagement accounts;

	private final TokenIssuer issuer;

	private final String consoleUrl;

	ConsoleTokenController(CustomerManagement customers, PartnerAccountManagement accounts, TokenIssuer issuer,
			@Value("${platform.console.public-url:http://localhost:8080/console}") String consoleUrl) {
		this.customers = customers;
		this.accounts = accounts;
		this.issuer = issuer;
		this.consoleUrl = consoleUrl;
	}

	@PostMapping("/v1/accounts/{accountId}/customers/{customerId}/console-tokens")
	@Operation(summary = "Issue a console token for a customer",
			description = "For the account's partner, an operator, or the console service (scope console.issuer).")
	ResponseEntity<ConsoleTokenResponse> create(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId) {
		if (!token.hasScope(CONSOLE_ISSUER)) {
			Access.requireAccount(token, accountId);
		}
		Customer customer = this.customers.require(accountId, customerId);
		if (!this.accounts.isActive(accountId)) {
			throw ApiProblem.forbidden("PARTNER_SUSPENDED", "The partner account " + accountId + " is suspended.");
		}
		IssuedToken console = this.issuer.consoleToken(accountId, customer.id().toString(), customer.userId());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new ConsoleTokenResponse(console.token(), console.lifetime().toSeconds(), this.consoleUrl));
	}

	record ConsoleTokenResponse(String token, long expiresIn, String consoleUrl) {

		@Override
		public String toString() {
			return "ConsoleTokenResponse[expiresIn=" + this.expiresIn + "]";
		}

	}

}
