package com.cloudpartner.entitlement.operation;

import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.VerifiedToken;

import com.cloudpartner.entitlement.common.ProblemResponses;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@ProblemResponses
@RestController
@Tag(name = "Operations")
class OperationController {

	private final Operations operations;

	OperationController(Operations operations) {
		this.operations = operations;
	}

	/**
	 * Someone else's operation is answered like a missing one, so that ids reveal
	 * nothing.
	 */
	@GetMapping("/v1/operations/{operationId}")
	@io.swagger.v3.oas.annotations.Operation(summary = "Get an operation (its account's partner or an operator)")
	OperationView get(VerifiedToken token, @PathVariable String operationId) {
		return this.operations.find(operationId)
			.filter((op) -> token.isOperator() || token.actsForAccount(op.accountId()))
			.map(OperationView::of)
			.orElseThrow(() -> ApiProblem.notFound("OPERATION_NOT_FOUND",
					"There is no operation operations/" + operationId + "."));
	}

}
