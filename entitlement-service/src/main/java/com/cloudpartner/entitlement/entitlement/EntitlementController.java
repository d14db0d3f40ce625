package com.cloudpartner.entitlement.entitlement;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.config.ProblemDocument;
import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.operation.OperationView;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

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

@ApiResponse(responseCode = "4XX", description = "Refused: see the problem's code",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
@ApiResponse(responseCode = "5XX", description = "Failed or unavailable",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
@RestController
@RequestMapping("/v1/accounts/{accountId}/customers/{customerId}/entitlements")
@Tag(name = "Entitlements")
class EntitlementController {

	private final EntitlementManagement management;

	private final Entitlements entitlements;

	EntitlementController(EntitlementManagement management, Entitlements entitlements) {
		this.management = management;
		this.entitlements = entitlements;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Purchase an offer for a customer",
			description = "Answers 202 with the operation; publishes entitlement.created on entitlement-events.")
	ResponseEntity<OperationView> create(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId,
			@io.swagger.v3.oas.annotations.Parameter(
					hidden = true) @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = """
							{"offer": "offers/office-standard-flex", "parameters": [{"name": "maxUnits", "value": 5}],
							 "billingAccount": "accounts/demo-account/billingAccounts/demo-krw", "purchaseOrderId": "PO-1001"}
							"""))) @Valid @RequestBody CreateEntitlementRequest request) {
		Access.requireAccount(token, accountId);
		var operation = this.management.create(request.toOrder(accountId, customerId), idempotencyKey, authorization);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	@GetMapping
	@Operation(summary = "List a customer's entitlements (partner or the customer's console)")
	EntitlementList list(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireCustomer(token, accountId, customerId);
		var page = this.entitlements.list(accountId, customerId, PageRequest.of(pageSize, pageToken, 2))
			.map(EntitlementView::of);
		return new EntitlementList(page.items(), page.nextPageToken());
	}

	@GetMapping("/{entitlementId}")
	@Operation(summary = "Get an entitlement (partner or the customer's console)")
	EntitlementView get(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String entitlementId) {
		Access.requireCustomer(token, accountId, customerId);
		return this.entitlements.find(accountId, customerId, entitlementId)
			.map(EntitlementView::of)
			.orElseThrow(() -> EntitlementManagement.notFound(accountId, customerId, entitlementId));
	}

	@PostMapping("/{entitlementId}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Cancel an entitlement",
			description = "Answers 202 with the operation; publishes entitlement.cancelled on entitlement-events.")
	ResponseEntity<OperationView> cancel(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId) {
		Access.requireAccount(token, accountId);
		var operation = this.management.cancel(accountId, customerId, entitlementId);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	record CreateEntitlementRequest(@NotBlank String offer, @Size(max = 20) List<@Valid @NotNull Parameter> parameters,
			@NotBlank String billingAccount, @Size(max = 100) String purchaseOrderId) {

		EntitlementOrder toOrder(String accountId, String customerId) {
			return new EntitlementOrder(accountId, customerId, this.offer.strip(),
					(this.parameters != null) ? this.parameters : List.of(), this.billingAccount.strip(),
					this.purchaseOrderId);
		}

	}

	record EntitlementList(List<EntitlementView> entitlements, String nextPageToken) {

	}

}
