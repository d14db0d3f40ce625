package com.cloudpartner.entitlement.catalog;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.catalog.CatalogManagement.Availability;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import com.cloudpartner.entitlement.common.ProblemResponses;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who may resell an offer (DOMAIN.md section 5): any partner, selected partners or none;
 * the selected list as JSON or as CSV (header {@code accountId}, one account per line).
 */
@ProblemResponses
@RestController
@RequestMapping("/v1/offers/{offerId}")
@Tag(name = "Catalog")
class AvailabilityController {

	static final String CSV_HEADER = "accountId";

	private static final int MAX_PARTNERS = 10_000;

	private final CatalogManagement management;

	AvailabilityController(CatalogManagement management) {
		this.management = management;
	}

	@GetMapping("/availability")
	@Operation(summary = "Who may resell the offer (operator)")
	Availability get(VerifiedToken token, @PathVariable String offerId) {
		Access.requireOperator(token);
		return this.management.availability(offerId);
	}

	@PutMapping("/availability")
	@Operation(summary = "Change who may resell the offer (operator)",
			description = "409 PARTNER_HAS_RESOLD when a partner that has resold the offer would lose it; "
					+ "publishes offer.availability.changed.")
	Availability put(VerifiedToken token, @PathVariable String offerId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"mode": "SELECTED_PARTNERS", "partners": ["demo-account"]}
							"""))) @Valid @RequestBody AvailabilityRequest request) {
		Access.requireOperator(token);
		return this.management.changeAvailability(offerId,
				new Availability(request.mode(), (request.partners() != null) ? request.partners() : List.of()),
				ProductController.operator(token, idempotencyKey));
	}

	@GetMapping(path = "/availability.csv", produces = "text/csv")
	@Operation(summary = "Export the selected-partner list as CSV (operator)")
	ResponseEntity<String> export(VerifiedToken token, @PathVariable String offerId) {
		Access.requireOperator(token);
		StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
		this.management.availability(offerId).partners().forEach((p) -> csv.append(p).append("\r\n"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.header("Content-Disposition", "attachment; filename=\"" + offerId + "-partners.csv\"")
			.body(csv.toString());
	}

	@PostMapping(path = "/availability.csv", consumes = { "text/csv", "text/plain" })
	@Operation(summary = "Import a selected-partner list from CSV (operator)",
			description = "Sets the offer to SELECTED_PARTNERS with exactly the listed accounts.")
	Availability importCsv(VerifiedToken token, @PathVariable String offerId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@RequestBody(required = false) String csv) {
		Access.requireOperator(token);
		return this.management.changeAvailability(offerId, new Availability("SELECTED_PARTNERS", parse(csv)),
				ProductController.operator(token, idempotencyKey));
	}

	/**
	 * Header {@code accountId}, then one account id per line; blank lines are skipped.
	 */
	static List<String> parse(String csv) {
		String[] lines = ((csv != null) ? csv : "").replace("\uFEFF", "").split("\r?\n");
		if (lines.length == 0 || !CSV_HEADER.equals(lines[0].strip().replace("\"", ""))) {
			throw ApiProblem.badRequest("INVALID_CSV", "The CSV must start with the header line 'accountId'.");
		}
		List<String> partners = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			String id = lines[i].strip().replace("\"", "");
			if (id.isEmpty()) {
				continue;
			}
			if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
				throw ApiProblem.badRequest("INVALID_CSV", "Line " + (i + 1) + " is not an account id.");
			}
			partners.add(id);
		}
		if (partners.size() > MAX_PARTNERS) {
			throw ApiProblem.badRequest("INVALID_CSV", "At most " + MAX_PARTNERS + " partners per offer.");
		}
		return partners;
	}

	record AvailabilityRequest(
			@NotNull @Pattern(regexp = "ANY_PARTNER|SELECTED_PARTNERS|NO_PARTNER",
					message = "must be ANY_PARTNER, SELECTED_PARTNERS or NO_PARTNER") String mode,
			@Size(max = MAX_PARTNERS) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,100}",
					message = "must be a partner account id") String> partners) {

	}

}
