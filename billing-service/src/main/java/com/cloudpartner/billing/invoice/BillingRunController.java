package com.cloudpartner.billing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.YearMonth;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.billing.config.IdempotentRequests;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Billing runs", description = "Monthly settlement: one invoice per partner account and month.")
class BillingRunController {

	static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private final BillingRuns runs;

	private final IdempotentRequests idempotency;

	BillingRunController(BillingRuns runs, IdempotentRequests idempotency) {
		this.runs = runs;
		this.idempotency = idempotency;
	}

	@PostMapping(path = "/v1/billing-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Start a billing run for a month (operator)",
			description = "Invoices every partner account (or only accountId) for the month. Runs are idempotent: "
					+ "an account already invoiced for the month is skipped, so repeating a run issues nothing twice. "
					+ "The run proceeds in the background; follow it with GET /v1/billing-runs/{id}.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "October", value = "{\"month\":\"2026-10\"}"))))
	ResponseEntity<RunResponse> start(VerifiedToken token, @RequestBody RunRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Access.requireOperator(token);
		return this.idempotency.once("billing-runs", idempotencyKey, request, RunResponse.class,
				() -> startRun(request));
	}

	private ResponseEntity<RunResponse> startRun(RunRequest request) {
		if (request.month() == null || !MONTH.matcher(request.month()).matches()) {
			throw ApiProblem.invalidField("month", "must be a month as YYYY-MM");
		}
		BillingRuns.Run run = this.runs.start(YearMonth.parse(request.month()), blankToNull(request.accountId()),
				"OPERATOR");
		return ResponseEntity.accepted().body(RunResponse.of(run));
	}

	@GetMapping("/v1/billing-runs/{runId}")
	@Operation(summary = "A billing run (operator)")
	RunResponse get(VerifiedToken token, @PathVariable String runId) {
		Access.requireOperator(token);
		return this.runs.find(runId)
			.map(RunResponse::of)
			.orElseThrow(() -> ApiProblem.notFound("BILLING_RUN_NOT_FOUND", "No billing run " + runId + "."));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * Which month to bill.
	 *
	 * @param month YYYY-MM in the billing time zone
	 * @param accountId only this account (optional)
	 */
	record RunRequest(String month, String accountId) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RunResponse(String id, String name, String month, String state, int invoicesIssued, int failures,
			String accountId, Instant createTime, Instant finishTime) {

		static RunResponse of(BillingRuns.Run run) {
			return new RunResponse(run.id(), "billingRuns/" + run.id(), run.month(), run.state(), run.invoicesIssued(),
					run.failures(), run.accountFilter(), run.createdAt(), run.finishedAt());
		}

	}

}
