package com.cloudpartner.entitlement.entitlement;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.OfferView;
import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.operation.OperationView;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import com.cloudpartner.entitlement.common.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@ProblemResponses
@RestController
@RequestMapping("/v1/accounts/{accountId}/customers")
@Tag(name = "Transfers")
class TransferController {

	private final TransferManagement transfers;

	private final PurchaseOptions options;

	TransferController(TransferManagement transfers, PurchaseOptions options) {
		this.transfers = transfers;
		this.options = options;
	}

	@PostMapping("/{customerId}/transfer-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a transfer token naming the new partner (the partner or the customer's console)",
			description = "The token expires after 14 days and can be used for one transfer.")
	TransferManagement.TokenIssued issueToken(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId,
			@io.swagger.v3.oas.annotations.Parameter(
					hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"targetPartnerPublicId": "ACME-0002"}
							"""))) @Valid @RequestBody TokenRequest request) {
		if (token.isConsole()) {
			Access.requireCustomer(token, accountId, customerId);
		}
		else {
			Access.requireAccount(token, accountId);
		}
		return this.transfers.issueToken(accountId, customerId, request.targetPartnerPublicId(), idempotencyKey,
				authorization);
	}

	@PostMapping("/import")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import a customer with its transfer token (the new partner)",
			description = "Creates the customer under this partner at partner-service; importing again with the same "
					+ "token answers the same customer.")
	TransferManagement.Imported importCustomer(VerifiedToken token, @PathVariable String accountId,
			@io.swagger.v3.oas.annotations.Parameter(
					hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"transferToken": "pV3v0x...", "userId": "alice01"}
							"""))) @Valid @RequestBody ImportRequest request) {
		Access.requireAccount(token, accountId);
		return this.transfers.importCustomer(accountId, request.transferToken(), request.userId(), authorization);
	}

	@GetMapping("/{customerId}/transferable-skus")
	@Operation(summary = "SKUs the imported customer holds at its old partner, with their transfer eligibility")
	TransferableSkus transferableSkus(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		PageRequest page = PageRequest.of(pageSize, pageToken, 1);
		var served = page.slice(this.transfers.transferableSkus(accountId, customerId),
				TransferManagement.TransferableSku::sku);
		return new TransferableSkus(served.items(), served.nextPageToken());
	}

	@GetMapping("/{customerId}/transferable-offers")
	@Operation(summary = "Offers the new partner may transfer a SKU to, for a billing account")
	TransferableOffers transferableOffers(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @RequestParam String sku,
			@RequestParam(required = false) String billingAccount, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		PageRequest page = PageRequest.of(pageSize, pageToken, 1);
		this.transfers.transferableSkus(accountId, customerId);
		var served = page.slice(this.options.purchasableOffers(accountId, customerId, sku, billingAccount, null),
				Offer::name);
		return new TransferableOffers(
				served.items().stream().map((o) -> new TransferableOffer(OfferView.of(o))).toList(),
				served.nextPageToken());
	}

	@PostMapping("/{customerId}/transfer-entitlements")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Transfer entitlements from the old partner (the new partner)",
			description = "Cancels each old entitlement (reason TRANSFERRED), creates it under this partner, moves its "
					+ "resources (with their jobs, quotas and metering) and publishes entitlement.transferred; answers "
					+ "202 with the operation. 409 RESOURCE_BUSY while a job is in progress on a resource that would "
					+ "move.")
	ResponseEntity<OperationView> transferEntitlements(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"transferToken": "pV3v0x...", "entitlements": [{"offer": "offers/iaas-payg",
							 "billingAccount": "accounts/acme/billingAccounts/krw"}]}
							"""))) @Valid @RequestBody TransferRequest request) {
		Access.requireAccount(token, accountId);
		var orders = request.entitlements()
			.stream()
			.map((e) -> new EntitlementOrder(accountId, customerId, e.offer().strip(),
					(e.parameters() != null) ? e.parameters() : List.of(), e.billingAccount().strip(), null))
			.toList();
		var operation = this.transfers.transferEntitlements(accountId, customerId, request.transferToken(), orders,
				idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	record TokenRequest(@NotBlank @Size(max = 100) String targetPartnerPublicId) {

	}

	record ImportRequest(@NotBlank @Size(max = 200) String transferToken,
			@NotBlank @Size(max = 100) @Pattern(regexp = "[^\\s/]+",
					message = "must not contain spaces or slashes") String userId) {

	}

	record TransferItem(@NotBlank String offer, @Size(max = 20) List<@Valid @NotNull Parameter> parameters,
			@NotBlank String billingAccount) {

	}

	record TransferRequest(@NotBlank @Size(max = 200) String transferToken,
			@NotEmpty @Size(max = 50) List<@Valid @NotNull TransferItem> entitlements) {

	}

	record TransferableSkus(List<TransferManagement.TransferableSku> transferableSkus, String nextPageToken) {

	}

	record TransferableOffer(OfferView offer) {

	}

	record TransferableOffers(List<TransferableOffer> transferableOffers, String nextPageToken) {

	}

}
