package com.cloudpartner.partner.accounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.partner.webhooks.CallbackAddressPolicy;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/accounts")
@Tag(name = "Partners")
class AccountController {

	static final String CONSOLE_ISSUER = "console.issuer";

	private static final String URL = "^$|^https?://[A-Za-z0-9.-]+(:\\d{1,5})?([/?#]\\S*)?$";

	private static final String URL_MESSAGE = "must be an http or https URL";

	private final PartnerAccountManagement accounts;

	private final CallbackAddressPolicy callbacks;

	AccountController(PartnerAccountManagement accounts, CallbackAddressPolicy callbacks) {
		this.accounts = accounts;
		this.callbacks = callbacks;
	}

	@GetMapping
	@Operation(summary = "List partner accounts (operator)", description = "Oldest first; filter by state.")
	AccountList list(VerifiedToken token, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireOperator(token);
		PartnerAccount.State filter = null;
		if (state != null) {
			try {
				filter = PartnerAccount.State.valueOf(state);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidField("state", "must be ACTIVE or SUSPENDED");
			}
		}
		PageRequest.Page<AccountResponse> page = this.accounts.list(filter, PageRequest.of(pageSize, pageToken))
			.map(AccountResponse::of);
		return new AccountList(page.items(), page.nextPageToken());
	}

	@PostMapping("/{accountId}/suspend")
	@Operation(summary = "Suspend a partner (operator)",
			description = "Its tokens stop working at once; partner.suspended is published; its consoles show a suspension page.")
	AccountResponse suspend(VerifiedToken token, @PathVariable String accountId,
			@Valid @RequestBody(required = false) StateChange request) {
		Access.requireOperator(token);
		return AccountResponse
			.of(this.accounts.suspend(accountId, token.subject(), (request != null) ? request.reason() : null));
	}

	@PostMapping("/{accountId}/reinstate")
	@Operation(summary = "Reinstate a suspended partner (operator)")
	AccountResponse reinstate(VerifiedToken token, @PathVariable String accountId,
			@Valid @RequestBody(required = false) StateChange request) {
		Access.requireOperator(token);
		return AccountResponse
			.of(this.accounts.reinstate(accountId, token.subject(), (request != null) ? request.reason() : null));
	}

	@GetMapping("/{accountId}")
	@Operation(summary = "A partner account with its settings and contract",
			description = "For the account's partner, an operator, or the console service (scope console.issuer).")
	AccountResponse get(VerifiedToken token, @PathVariable String accountId) {
		if (!token.hasScope(CONSOLE_ISSUER)) {
			Access.requireAccountRead(token, accountId);
		}
		return AccountResponse.of(this.accounts.require(accountId));
	}

	@PatchMapping("/{accountId}")
	@Operation(summary = "Change the account's settings (partner) or contract (operator only)",
			description = "Absent fields stay as they are; an empty string clears an optional text.")
	AccountResponse patch(VerifiedToken token, @PathVariable String accountId, @Valid @RequestBody AccountPatch patch) {
		Access.requireAccount(token, accountId);
		if (patch.contract() != null && !token.isOperator()) {
			throw ApiProblem.forbidden("CONTRACT_OPERATOR_ONLY", "Only an operator may change the contract.");
		}
		if (patch.contract() != null && patch.contract().currencyCode() != null
				&& !isCurrency(patch.contract().currencyCode())) {
			throw ApiProblem.invalidField("contract.currencyCode", "is not an ISO 4217 currency");
		}
		if (patch.callbackUrl() != null && !patch.callbackUrl().isBlank()) {
			this.callbacks.refusal(patch.callbackUrl()).ifPresent((reason) -> {
				throw ApiProblem.invalidField("callbackUrl", reason);
			});
		}
		return AccountResponse.of(this.accounts.update(accountId, patch.toChanges(), token.subject()));
	}

	@Schema(example = """
			{"reason": "unpaid invoices"}
			""")
	record StateChange(@Size(max = 500) String reason) {
	}

	record AccountList(List<AccountResponse> accounts, String nextPageToken) {
	}

	private static boolean isCurrency(String code) {
		return java.util.Currency.getAvailableCurrencies().stream().anyMatch((c) -> c.getCurrencyCode().equals(code));
	}

	@Schema(example = """
			{"callbackUrl": "https://partner.example.com/callbacks/cloud",
			 "consoleLoginUrl": "https://partner.example.com/console",
			 "consoleSessionTtlMinutes": 60,
			 "contacts": [{"role": "TECHNICAL", "name": "Minji Park", "email": "ops@partner.example.com", "phone": "+82-2-1234-5678"}],
			 "taxContact": {"name": "Jisoo Lee", "email": "tax@partner.example.com", "phone": "+82-2-1234-5679"},
			 "branding": {"displayName": "Partner Cloud", "logoUrl": "https://partner.example.com/logo.png", "primaryColor": "#0055AA"}}
			""")
	record AccountPatch(@Size(max = 20) List<@Valid ContactBody> contacts,
			@Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String callbackUrl,
			@Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String consoleLoginUrl,
			@Min(5) @Max(1440) Integer consoleSessionTtlMinutes, @Valid ContactBody taxContact,
			@Valid BrandingBody branding, @Valid ContractBody contract) {

		AccountChanges toChanges() {
			return new AccountChanges(
					(this.contacts != null) ? this.contacts.stream().map(ContactBody::toContact).toList() : null,
					this.callbackUrl, this.consoleLoginUrl, this.consoleSessionTtlMinutes,
					(this.taxContact != null) ? this.taxContact.toContact() : null,
					(this.branding != null) ? new PartnerAccount.Branding(this.branding.displayName(),
							this.branding.logoUrl(), this.branding.primaryColor()) : null,
					(this.contract != null) ? this.contract.toChange() : null);
		}

	}

	record ContactBody(@Size(max = 50) String role, @Size(max = 100) String name, @Email @Size(max = 254) String email,
			@Pattern(regexp = "^$|^\\+?[0-9][0-9 ()-]{3,30}$", message = "must be a phone number") String phone) {

		PartnerAccount.Contact toContact() {
			return new PartnerAccount.Contact(this.role, this.name, this.email, this.phone);
		}

	}

	record BrandingBody(@Size(max = 100) String displayName,
			@Size(max = 2000) @Pattern(regexp = URL, message = URL_MESSAGE) String logoUrl,
			@Pattern(regexp = "^$|^#[0-9A-Fa-f]{6}$", message = "must be a colour like #0055AA") String primaryColor) {
	}

	@Schema(name = "ContractChange")
	record ContractBody(@Size(min = 1, max = 100) String reference, @Pattern(regexp = "^\\d{1,3}(\\.\\d{1,2})?$",
			message = "must be a decimal string like \"20\" or \"12.5\"") @DecimalMin("0") @DecimalMax("100") String supplyDiscountPercent,
			@Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code like KRW") String currencyCode) {

		AccountChanges.ContractChange toChange() {
			return new AccountChanges.ContractChange(this.reference,
					(this.supplyDiscountPercent != null) ? new BigDecimal(this.supplyDiscountPercent) : null,
					this.currencyCode);
		}

	}

	record AccountResponse(String name, String id, String publicId, String displayName, String state,
			List<PartnerAccount.Contact> contacts, String callbackUrl, String consoleLoginUrl,
			int consoleSessionTtlMinutes, PartnerAccount.Contact taxContact, PartnerAccount.Branding branding,
			Contract contract, Instant createTime, Instant updateTime) {

		static AccountResponse of(PartnerAccount account) {
			PartnerAccount.Settings settings = account.settings();
			PartnerAccount.Contract contract = account.contract();
			return new AccountResponse("accounts/" + account.id(), account.id(), account.publicId(),
					account.displayName(), account.state().name(), settings.contacts(), settings.callbackUrl(),
					settings.consoleLoginUrl(), settings.consoleSessionTtlMinutes(), settings.taxContact(),
					settings.branding(), new Contract(contract.reference(),
							contract.supplyDiscountPercent().toPlainString(), contract.currencyCode()),
					account.createTime(), account.updateTime());
		}

	}

	record Contract(String reference, @Schema(example = "20") String supplyDiscountPercent,
			@Schema(example = "KRW") String currencyCode) {
	}

}
