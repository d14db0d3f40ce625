package com.cloudpartner.partner.applications;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/partner-applications")
@Tag(name = "Partners")
class PartnerApplicationController {

	private final PartnerApplicationManagement applications;

	PartnerApplicationController(PartnerApplicationManagement applications) {
		this.applications = applications;
	}

	@PostMapping
	@Operation(summary = "Apply to become a partner (verified member)",
			description = "409 APPLICATION_PENDING while an earlier application waits for a decision.")
	ResponseEntity<ApplicationResponse> apply(VerifiedToken token, @Valid @RequestBody ApplyRequest request) {
		UUID member = requireMember(token);
		PartnerApplication application = this.applications.apply(member,
				new PartnerApplicationManagement.NewApplication(request.businessRegistrationNumber(),
						request.contactName(), request.contactEmail(), request.contactPhone(), request.message()));
		return ResponseEntity.created(URI.create("/v1/partner-applications/" + application.id()))
			.body(ApplicationResponse.of(application));
	}

	@GetMapping
	@Operation(summary = "The review queue (operator), or the member's own applications",
			description = "Oldest first; filter by state SUBMITTED, APPROVED or REJECTED.")
	ApplicationList list(VerifiedToken token, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		UUID member = token.isOperator() ? null : requireMember(token);
		PartnerApplication.State filter = null;
		if (state != null) {
			try {
				filter = PartnerApplication.State.valueOf(state);
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.invalidField("state", "must be SUBMITTED, APPROVED or REJECTED");
			}
		}
		PageRequest.Page<ApplicationResponse> page = this.applications
			.list(filter, member, PageRequest.of(pageSize, pageToken))
			.map(ApplicationResponse::of);
		return new ApplicationList(page.items(), page.nextPageToken());
	}

	@GetMapping("/{id}")
	@Operation(summary = "An application (operator or its member)")
	ApplicationResponse get(VerifiedToken token, @PathVariable String id) {
		PartnerApplication application = this.applications.require(parse(id));
		if (!token.isOperator() && !application.memberId().equals(requireMember(token))) {
			throw ApiProblem.notFound("APPLICATION_NOT_FOUND", "There is no partner application " + id + ".");
		}
		return ApplicationResponse.of(application);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve with the contract (operator)",
			description = "Creates the partner account (with its public id) and a billing account in the contract currency, "
					+ "makes the member its admin, publishes partner.approved and mails the member.")
	DecisionResponse approve(VerifiedToken token, @PathVariable String id, @Valid @RequestBody ApproveRequest request) {
		Access.requireOperator(token);
		ContractBody c = request.contract();
		if (!isCurrency(c.currencyCode())) {
			throw ApiProblem.invalidField("contract.currencyCode", "is not an ISO 4217 currency");
		}
		PartnerApplicationManagement.Decision decision = this.applications.approve(parse(id),
				new PartnerApplicationManagement.Contract(c.reference().trim(),
						new BigDecimal(c.supplyDiscountPercent()), c.currencyCode(), request.displayName(),
						c.regionCode()),
				token.subject());
		return DecisionResponse.of(decision);
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject with a reason (operator)", description = "The member gets the reason by mail.")
	DecisionResponse reject(VerifiedToken token, @PathVariable String id, @Valid @RequestBody RejectRequest request) {
		Access.requireOperator(token);
		return DecisionResponse.of(this.applications.reject(parse(id), request.reason(), token.subject()));
	}

	private static UUID requireMember(VerifiedToken token) {
		if (!token.hasScope("member")) {
			throw ApiProblem.forbidden("MEMBER_ONLY", "Log in as a member (POST /v1/members/login) first.");
		}
		return UUID.fromString(token.subject());
	}

	private static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound("APPLICATION_NOT_FOUND", "There is no partner application " + id + ".");
		}
	}

	private static boolean isCurrency(String code) {
		return Currency.getAvailableCurrencies().stream().anyMatch((c) -> c.getCurrencyCode().equals(code));
	}

	@Schema(example = """
			{"businessRegistrationNumber": "1208147521", "contactName": "Minji Park",
			 "contactEmail": "partners@acme.example.com", "contactPhone": "02-123-4567",
			 "message": "We host 300 SMB customers and want to resell servers and storage."}
			""")
	record ApplyRequest(@NotNull String businessRegistrationNumber, @NotBlank @Size(max = 100) String contactName,
			@NotBlank @Email @Size(max = 254) String contactEmail,
			@NotBlank @Pattern(regexp = "^\\+?[0-9][0-9 ()-]{6,30}$",
					message = "must be a phone number") String contactPhone,
			@Size(max = 2000) String message) {
	}

	@Schema(example = """
			{"contract": {"reference": "CT-2026-0042", "supplyDiscountPercent": "20", "currencyCode": "KRW"}}
			""")
	record ApproveRequest(@NotNull @Valid ContractBody contract, @Size(max = 100) @Schema(
			description = "the partner's name; the member's company name when absent") String displayName) {
	}

	@Schema(name = "ApprovalContract")
	record ContractBody(@NotBlank @Size(max = 100) String reference, @NotNull @Pattern(
			regexp = "^\\d{1,3}(\\.\\d{1,2})?$",
			message = "must be a decimal string like \"20\" or \"12.5\"") @DecimalMin("0") @DecimalMax("100") String supplyDiscountPercent,
			@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code like KRW") String currencyCode,
			@Pattern(regexp = "^[A-Z]{2}$", message = "must be a region code like KR") String regionCode) {
	}

	@Schema(example = """
			{"reason": "The business registration could not be confirmed."}
			""")
	record RejectRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	record ApplicationResponse(String name, String id, String memberId, String businessRegistrationNumber,
			String contactName, String contactEmail, String contactPhone, String message, String state, String reason,
			String accountId, Instant createTime, Instant decideTime) {

		static ApplicationResponse of(PartnerApplication a) {
			return new ApplicationResponse(a.name(), a.id().toString(), a.memberId().toString(),
					a.businessRegistrationNumber(), a.contactName(), a.contactEmail(), a.contactPhone(), a.message(),
					a.state().name(), a.reason(), a.accountId(), a.createTime(), a.decideTime());
		}

	}

	record ApplicationList(List<ApplicationResponse> applications, String nextPageToken) {
	}

	record DecisionResponse(String state, String accountId, String publicId) {

		static DecisionResponse of(PartnerApplicationManagement.Decision decision) {
			return new DecisionResponse(decision.state().name(), decision.accountId(), decision.publicId());
		}

	}

}
