package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.cloudpartner.billing.charges.AccountRating;
import com.cloudpartner.billing.charges.Money;
import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.billing.config.IdempotentRequests;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Credits and adjustments an operator grants a partner account. Both land on the next
 * invoice: credits oldest first up to the subtotal (the rest carries over until it
 * expires), adjustments as lines of their own.
 */
@RestController
@Tag(name = "Credits and adjustments", description = "Granted by operators, settled on the next invoice.")
class LedgerController {

	private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

	private final JdbcClient jdbc;

	private final AccountRating rating;

	private final BillingClock clock;

	private final IdempotentRequests idempotency;

	LedgerController(JdbcClient jdbc, AccountRating rating, BillingClock clock, IdempotentRequests idempotency) {
		this.jdbc = jdbc;
		this.rating = rating;
		this.clock = clock;
		this.idempotency = idempotency;
	}

	@PostMapping(path = "/v1/accounts/{accountId}/credits", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Grant a credit (operator)",
			description = "type e.g. PROMOTION, GOODWILL, SLA_VIOLATION; used on invoices oldest first, never beyond "
					+ "an invoice's subtotal; the rest carries over until expireTime.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "promotion",
									value = "{\"type\":\"PROMOTION\",\"amount\":{\"currencyCode\":\"KRW\","
											+ "\"amount\":\"10000\"},\"expireTime\":\"2027-01-01T00:00:00Z\","
											+ "\"description\":\"Launch promotion\"}"))))
	ResponseEntity<CreditResponse> credit(VerifiedToken token, @PathVariable String accountId,
			@RequestBody CreditRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Access.requireOperator(token);
		return this.idempotency.once("credits:" + accountId, idempotencyKey, request, CreditResponse.class,
				() -> grant(accountId, request));
	}

	private ResponseEntity<CreditResponse> grant(String accountId, CreditRequest request) {
		Contract contract = contract(accountId);
		String type = type(request.type());
		BigDecimal amount = amount(request.amount(), contract, false);
		Instant expire = null;
		if (request.expireTime() != null) {
			try {
				expire = OffsetDateTime.parse(request.expireTime()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw ApiProblem.invalidField("expireTime", "must be an RFC 3339 timestamp");
			}
		}
		String id = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into credit (account_id, credit_id, type, amount, remaining, currency_code, description,
				    expire_time, created_at)
				values (:account, :id, :type, :amount, :amount, :currency, :description, :expire, :now)""")
			.param("account", accountId)
			.param("id", id)
			.param("type", type)
			.param("amount", amount)
			.param("currency", contract.currencyCode())
			.param("description", request.description(), java.sql.Types.VARCHAR)
			.param("expire", (expire != null) ? expire.atOffset(ZoneOffset.UTC) : null,
					java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return ResponseEntity.status(201)
			.body(new CreditResponse("accounts/" + accountId + "/credits/" + id, id, type,
					Money.of(contract.currencyCode(), amount), expire, request.description(), now));
	}

	@PostMapping(path = "/v1/accounts/{accountId}/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Make an adjustment (operator)",
			description = "type e.g. USAGE_CORRECTION, PRICE_CORRECTION, GOODWILL, SLA_VIOLATION; a positive amount "
					+ "charges, a negative one refunds; it appears as a line on the next invoice, pointing at month "
					+ "and correctsInvoiceLine when given.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "price correction",
									value = "{\"type\":\"PRICE_CORRECTION\",\"amount\":{\"currencyCode\":\"KRW\","
											+ "\"amount\":\"-1500\"},\"month\":\"2026-10\",\"description\":"
											+ "\"Wrong price for 3 days\",\"correctsInvoiceLine\":"
											+ "\"inv-2026-10-demo-account/1\"}"))))
	ResponseEntity<AdjustmentResponse> adjust(VerifiedToken token, @PathVariable String accountId,
			@RequestBody AdjustmentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Access.requireOperator(token);
		return this.idempotency.once("adjustments:" + accountId, idempotencyKey, request, AdjustmentResponse.class,
				() -> record(accountId, request));
	}

	private ResponseEntity<AdjustmentResponse> record(String accountId, AdjustmentRequest request) {
		Contract contract = contract(accountId);
		String type = type(request.type());
		BigDecimal amount = amount(request.amount(), contract, true);
		if (request.month() != null && !BillingRunController.MONTH.matcher(request.month()).matches()) {
			throw ApiProblem.invalidField("month", "must be a month as YYYY-MM");
		}
		if (request.correctsInvoiceLine() != null && !lineExists(accountId, request.correctsInvoiceLine())) {
			throw ApiProblem.invalidField("correctsInvoiceLine",
					"must name a line of this account as invoiceId/lineNo");
		}
		String id = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into adjustment (account_id, adjustment_id, type, amount, currency_code, month, description,
				    corrects_invoice_line, created_at)
				values (:account, :id, :type, :amount, :currency, :month, :description, :corrects, :now)""")
			.param("account", accountId)
			.param("id", id)
			.param("type", type)
			.param("amount", amount)
			.param("currency", contract.currencyCode())
			.param("month", request.month(), java.sql.Types.VARCHAR)
			.param("description", request.description(), java.sql.Types.VARCHAR)
			.param("corrects", request.correctsInvoiceLine(), java.sql.Types.VARCHAR)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return ResponseEntity.status(201)
			.body(new AdjustmentResponse("accounts/" + accountId + "/adjustments/" + id, id, type,
					Money.of(contract.currencyCode(), amount), request.month(), request.description(),
					request.correctsInvoiceLine(), now));
	}

	private boolean lineExists(String accountId, String line) {
		int slash = line.lastIndexOf('/');
		if (slash <= 0 || !line.substring(slash + 1).matches("\\d{1,6}")) {
			return false;
		}
		return this.jdbc
			.sql("select count(*) from invoice_line where account_id = :a and invoice_id = :i and line_no = :n")
			.param("a", accountId)
			.param("i", line.substring(0, slash))
			.param("n", Integer.parseInt(line.substring(slash + 1)))
			.query(Integer.class)
			.single() > 0;
	}

	private Contract contract(String accountId) {
		return this.rating.contract(accountId)
			.orElseThrow(() -> ApiProblem.notFound("ACCOUNT_NOT_FOUND",
					"Billing knows no contract of account " + accountId + "."));
	}

	private static String type(String type) {
		if (type == null || !TYPE.matcher(type).matches()) {
			throw ApiProblem.invalidField("type", "must be an UPPER_SNAKE type such as PROMOTION or USAGE_CORRECTION");
		}
		return type;
	}

	private static BigDecimal amount(Money money, Contract contract, boolean signed) {
		if (money == null || money.amount() == null || !InvoiceController.AMOUNT.matcher(money.amount()).matches()) {
			throw ApiProblem.invalidField("amount", "must be {currencyCode, amount} with a decimal string amount");
		}
		if (!contract.currencyCode().equals(money.currencyCode())) {
			throw ApiProblem.invalidField("amount.currencyCode", "must be the account's " + contract.currencyCode());
		}
		BigDecimal amount = new BigDecimal(money.amount());
		int scale = com.cloudpartner.billing.rating.RatingEngine.scale(contract.currencyCode());
		if (amount.stripTrailingZeros().scale() > scale) {
			throw ApiProblem.invalidField("amount", "has more decimals than " + contract.currencyCode() + " allows");
		}
		if (signed ? amount.signum() == 0 : amount.signum() <= 0) {
			throw ApiProblem.invalidField("amount", signed ? "must not be zero" : "must be positive");
		}
		return amount;
	}

	record CreditRequest(String type, Money amount, String expireTime, String description) {
	}

	record CreditResponse(String name, String id, String type, Money amount, Instant expireTime, String description,
			Instant createTime) {
	}

	record AdjustmentRequest(String type, Money amount, String month, String description, String correctsInvoiceLine) {
	}

	record AdjustmentResponse(String name, String id, String type, Money amount, String month, String description,
			String correctsInvoiceLine, Instant createTime) {
	}

}
