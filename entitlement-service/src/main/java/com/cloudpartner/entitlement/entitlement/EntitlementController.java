package com.cloudpartner.entitlement.entitlement;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.operation.OperationView;
import com.cloudpartner.support.problem.ApiProblem;
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

	@GetMapping("/{entitlementId}/changes")
	@Operation(summary = "An entitlement's change history: who changed what, when (oldest first)")
	ChangeList changes(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@PathVariable String entitlementId, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		Access.requireCustomer(token, accountId, customerId);
		if (this.entitlements.find(accountId, customerId, entitlementId).isEmpty()) {
			throw EntitlementManagement.notFound(accountId, customerId, entitlementId);
		}
		var page = this.entitlements.changes(accountId, customerId, entitlementId,
				PageRequest.of(pageSize, pageToken, 1));
		return new ChangeList(page.items(), page.nextPageToken());
	}

	@PostMapping("/{entitlementId}/change-offer")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Move an entitlement to another offer (plan change, upgrade, downgrade, trial conversion)",
			description = "Answers 202 with the operation; publishes entitlement.changed.")
	ResponseEntity<OperationView> changeOffer(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = """
							{"offer": "offers/office-standard-annual", "parameters": [{"name": "maxUnits", "value": 10}]}
							"""))) @Valid @RequestBody ChangeOfferRequest request) {
		Access.requireAccount(token, accountId);
		var operation = this.management.changeOffer(target(token, accountId, customerId, entitlementId),
				new EntitlementManagement.ChangeOffer(request.offer().strip(), request.parameters(),
						request.billingAccount()),
				idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	@PostMapping("/{entitlementId}/change-parameters")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Change maxUnits (seats) or assignedUnits",
			description = "maxUnits never below assignedUnits (409 MAX_UNITS_BELOW_ASSIGNED); publishes entitlement.changed.")
	ResponseEntity<OperationView> changeParameters(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"parameters": [{"name": "maxUnits", "value": 8}]}
							"""))) @Valid @RequestBody ChangeParametersRequest request) {
		Access.requireAccount(token, accountId);
		var operation = this.management.changeParameters(target(token, accountId, customerId, entitlementId),
				request.parameters(), idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	@PostMapping("/{entitlementId}/change-renewal-settings")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Turn the renewal of a commitment term on or off",
			description = "With renewal off, the entitlement is suspended with RENEWAL_WITH_TYPE_CANCEL at the end of "
					+ "its term; publishes entitlement.changed.")
	ResponseEntity<OperationView> changeRenewal(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"enableRenewal": false}
							"""))) @Valid @RequestBody RenewalRequest request) {
		Access.requireAccount(token, accountId);
		var operation = this.management.changeRenewal(target(token, accountId, customerId, entitlementId),
				request.enableRenewal(), idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	@PostMapping("/{entitlementId}/suspend")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Suspend an entitlement",
			description = "Partners suspend with RESELLER_INITIATED; operators may name another reason. "
					+ "Publishes entitlement.suspended.")
	ResponseEntity<OperationView> suspend(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody(required = false) @Valid ReasonRequest request) {
		Access.requireAccount(token, accountId);
		var operation = this.management.suspend(target(token, accountId, customerId, entitlementId),
				reason(token, request), idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	@PostMapping("/{entitlementId}/activate")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Activate an entitlement the reseller suspended",
			description = "Lifts RESELLER_INITIATED only (409 NOT_SUSPENDED_BY_RESELLER otherwise); "
					+ "publishes entitlement.activated.")
	ResponseEntity<OperationView> activate(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody(required = false) @Valid ReasonRequest request) {
		Access.requireAccount(token, accountId);
		var operation = this.management.activate(target(token, accountId, customerId, entitlementId),
				reason(token, request), idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	@PostMapping("/{entitlementId}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Cancel an entitlement",
			description = "409 RESOURCES_STILL_ACTIVE while resources exist under it; answers 202 with the operation; "
					+ "publishes entitlement.cancelled on entitlement-events.")
	ResponseEntity<OperationView> cancel(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @PathVariable String entitlementId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Access.requireAccount(token, accountId);
		var operation = this.management.cancel(target(token, accountId, customerId, entitlementId), idempotencyKey);
		return ResponseEntity.accepted().body(OperationView.of(operation));
	}

	static String actor(VerifiedToken token, String accountId) {
		return token.isOperator() ? "operators/" + token.subject() : "accounts/" + accountId;
	}

	private static EntitlementManagement.Target target(VerifiedToken token, String accountId, String customerId,
			String entitlementId) {
		return new EntitlementManagement.Target(accountId, customerId, entitlementId, actor(token, accountId));
	}

	/**
	 * A partner's suspension is always the reseller's; an operator may name another
	 * reason.
	 */
	private static String reason(VerifiedToken token, ReasonRequest request) {
		String reason = (request != null && request.reason() != null) ? request.reason()
				: Entitlement.RESELLER_INITIATED;
		if (!token.isOperator() && !Entitlement.RESELLER_INITIATED.equals(reason)) {
			throw ApiProblem.forbidden("OPERATOR_ONLY", "Only an operator may suspend or activate for " + reason + ".");
		}
		return reason;
	}

	record ReasonRequest(@Pattern(
			regexp = "RESELLER_INITIATED|TRIAL_ENDED|RENEWAL_WITH_TYPE_CANCEL|PENDING_TOS_ACCEPTANCE|OTHER|PAYMENT_OVERDUE",
			message = "must be a suspension reason") String reason) {

	}

	record ChangeOfferRequest(@NotBlank String offer, @Size(max = 20) List<@Valid @NotNull Parameter> parameters,
			String billingAccount) {

	}

	record RenewalRequest(@NotNull Boolean enableRenewal) {

	}

	record ChangeParametersRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull Parameter> parameters) {

	}

	record ChangeList(List<Entitlements.Change> changes, String nextPageToken) {

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
