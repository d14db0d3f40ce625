package com.cloudpartner.billing.export;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@Tag(name = "Billing export", description = "reseller_billing_detailed_export_v1 rows, ready for BigQuery.")
class BillingExportController {

	private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

	private final BillingExport export;

	BillingExportController(BillingExport export) {
		this.export = export;
	}

	@GetMapping(path = "/v1/accounts/{accountId}/billing-export",
			produces = { "application/x-ndjson", "text/csv", MediaType.ALL_VALUE })
	@Operation(summary = "A month's detailed billing export of a partner account",
			description = "One row per resource and invoice line (plus rounding error, adjustment, tax and credit "
					+ "rows) of the month's issued invoice; NDJSON loads into BigQuery with the schema of "
					+ "/v1/billing-export/schema.")
	ResponseEntity<StreamingResponseBody> forAccount(VerifiedToken token, @PathVariable String accountId,
			@Parameter(example = "2026-10") @RequestParam(required = false) String month,
			@Parameter(description = "ndjson (default) or csv") @RequestParam(required = false) String format) {
		Access.requireAccountRead(token, accountId);
		return stream(accountId, month, format);
	}

	@GetMapping(path = "/v1/billing-export", produces = { "application/x-ndjson", "text/csv", MediaType.ALL_VALUE })
	@Operation(summary = "A month's detailed billing export across partners (operator)")
	ResponseEntity<StreamingResponseBody> forOperator(VerifiedToken token,
			@Parameter(example = "2026-10") @RequestParam(required = false) String month,
			@Parameter(description = "ndjson (default) or csv") @RequestParam(required = false) String format) {
		Access.requireOperator(token);
		return stream(null, month, format);
	}

	@GetMapping("/v1/billing-export/schema")
	@Operation(summary = "The BigQuery JSON schema of the export")
	@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
			description = "The columns, as bq load --schema expects them",
			content = @io.swagger.v3.oas.annotations.media.Content(
					array = @io.swagger.v3.oas.annotations.media.ArraySchema(
							schema = @io.swagger.v3.oas.annotations.media.Schema(
									implementation = BigQueryField.class))))
	List<Map<String, Object>> schema(VerifiedToken token) {
		if (!token.isOperator() && !token.hasScope(VerifiedToken.PARTNER)
				&& !token.hasScope(VerifiedToken.PARTNER_READ)) {
			throw ApiProblem.forbidden("SCOPE_MISSING", "The schema is for partners and operators.");
		}
		return ExportSchema.fields();
	}

	private ResponseEntity<StreamingResponseBody> stream(String accountId, String month, String format) {
		if (month == null || !MONTH.matcher(month).matches()) {
			throw ApiProblem.invalidField("month", "must be a month as YYYY-MM");
		}
		String kind = (format == null || format.isBlank()) ? "ndjson" : format;
		if (!kind.equals("ndjson") && !kind.equals("csv")) {
			throw ApiProblem.invalidField("format", "must be ndjson or csv");
		}
		YearMonth billed = YearMonth.parse(month);
		String file = "reseller_billing_detailed_export_v1-" + ((accountId != null) ? accountId + "-" : "") + month
				+ (kind.equals("csv") ? ".csv" : ".ndjson");
		return ResponseEntity.ok()
			.contentType(kind.equals("csv") ? new MediaType("text", "csv") : new MediaType("application", "x-ndjson"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
			.body((out) -> this.export.write(accountId, billed, kind, out));
	}

	/** One column of a BigQuery JSON schema (documentation of {@link #schema}). */
	record BigQueryField(String name, String type, String mode, String description,
			@io.swagger.v3.oas.annotations.media.Schema(
					description = "the nested columns of a RECORD, each of this same shape") List<Map<String, Object>> fields) {
	}

}
