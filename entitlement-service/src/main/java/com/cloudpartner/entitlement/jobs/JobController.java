package com.cloudpartner.entitlement.jobs;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.config.ProblemDocument;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ApiResponse(responseCode = "4XX", description = "Refused: see the problem's code",
		content = @Content(mediaType = "application/problem+json",
				schema = @Schema(implementation = ProblemDocument.class)))
@RestController
@Tag(name = "Jobs")
class JobController {

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/v1/accounts/{accountId}/jobs")
	@Operation(summary = "The partner's job history, newest first",
			description = "Filter by customer (id or name), resource (name; a server's name also matches its "
					+ "firewall rules) and state. A console token of the account reads its own customer's jobs "
					+ "only: the list is always filtered to that customer, and another customer's filter finds none.")
	JobList list(VerifiedToken token, @PathVariable String accountId, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String resource, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		String customerId = customerId(accountId, customer);
		if (token.isConsole()) {
			requireConsoleOf(token, accountId);
			if (customerId != null && !customerId.equals(token.customerId())) {
				// validate what was sent as for any list, then find nothing
				PageRequest.of(pageSize, pageToken, 2);
				state(state);
				return new JobList(List.of(), "");
			}
			customerId = token.customerId();
		}
		else {
			Access.requireAccountRead(token, accountId);
		}
		return list(accountId, customerId, resource, state, pageSize, pageToken);
	}

	@GetMapping("/v1/accounts/{accountId}/customers/{customerId}/jobs")
	@Operation(summary = "One customer's job history, newest first (partner or the customer's console)")
	JobList listForCustomer(VerifiedToken token, @PathVariable String accountId, @PathVariable String customerId,
			@RequestParam(required = false) String resource, @RequestParam(required = false) String state,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireCustomer(token, accountId, customerId);
		return list(accountId, customerId, resource, state, pageSize, pageToken);
	}

	@GetMapping("/v1/accounts/{accountId}/jobs/{jobId}")
	@Operation(summary = "One job (partner, or the console of the job's customer)",
			description = "A console token finds only its own customer's jobs: another customer's job is not found.")
	JobView get(VerifiedToken token, @PathVariable String accountId, @PathVariable String jobId) {
		if (token.isConsole()) {
			requireConsoleOf(token, accountId);
		}
		else {
			Access.requireAccountRead(token, accountId);
		}
		return this.jobs.find(accountId, jobId)
			.filter((job) -> !token.isConsole() || job.customerId().equals(token.customerId()))
			.map(JobView::of)
			.orElseThrow(() -> ApiProblem.notFound("JOB_NOT_FOUND",
					"There is no job accounts/" + accountId + "/jobs/" + jobId + "."));
	}

	private JobList list(String accountId, String customerId, String resource, String state, Integer pageSize,
			String pageToken) {
		var page = this.jobs.list(accountId, customerId, blankToNull(resource), state(state),
				PageRequest.of(pageSize, pageToken, 2));
		return new JobList(page.items().stream().map(JobView::of).toList(), page.nextPageToken());
	}

	/** A console token of a customer of this account. */
	private static void requireConsoleOf(VerifiedToken token, String accountId) {
		if (token.customerId() == null || !accountId.equals(token.accountId())) {
			throw ApiProblem.forbidden("CUSTOMER_FORBIDDEN", "The console token is bound to another account.");
		}
	}

	private static String customerId(String accountId, String customer) {
		if (customer == null || customer.isBlank()) {
			return null;
		}
		String prefix = "accounts/" + accountId + "/customers/";
		return customer.startsWith(prefix) ? customer.substring(prefix.length()) : customer;
	}

	private static JobState state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return JobState.valueOf(state);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("state", "must be one of QUEUED, RUNNING, SUCCEEDED, FAILED");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * A page of jobs.
	 *
	 * @param jobs the jobs
	 * @param nextPageToken the next page's token, empty on the last
	 */
	record JobList(List<JobView> jobs, String nextPageToken) {
	}

}
