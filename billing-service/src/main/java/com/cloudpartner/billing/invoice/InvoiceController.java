package com.cloudpartner.billing.invoice;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.charges.Money;
import com.cloudpartner.billing.config.IdempotentRequests;
import com.cloudpartner.support.paging.PageTokens;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invoices", description = "Monthly invoices of a partner account and their payment.")
class InvoiceController {

	static final Pattern AMOUNT = Pattern.compile("-?\\d{1,18}(\\.\\d{1,6})?");

	private final InvoiceQueries invoices;

	private final InvoicePayments payments;

	private final JsonMapper json;

	private final IdempotentRequests idempotency;

	InvoiceController(InvoiceQueries invoices, InvoicePayments payments, JsonMapper json,
			IdempotentRequests idempotency) {
		this.invoices = invoices;
		this.payments = payments;
		this.json = json;
		this.idempotency = idempotency;
	}

	@GetMapping("/v1/accounts/{accountId}/invoices")
	@Operation(summary = "An account's invoices, newest month first")
	InvoicePage list(VerifiedToken token, @PathVariable String accountId,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		int size = PageTokens.size(pageSize);
		String before = null;
		if (pageToken != null && !pageToken.isBlank()) {
			before = PageTokens.open(pageToken);
			if (!BillingRunController.MONTH.matcher(before).matches()) {
				throw PageTokens.invalid();
			}
		}
		List<InvoiceQueries.Invoice> page = this.invoices.list(accountId, before, size + 1);
		List<InvoiceResponse> items = page.stream().limit(size).map((i) -> response(accountId, i)).toList();
		String next = (page.size() > size) ? PageTokens.seal(page.get(size - 1).month()) : null;
		return new InvoicePage(items, next);
	}

	@GetMapping("/v1/accounts/{accountId}/invoices/{invoiceId}")
	@Operation(summary = "One invoice with its lines, credits and payments")
	InvoiceResponse get(VerifiedToken token, @PathVariable String accountId, @PathVariable String invoiceId) {
		Access.requireAccountRead(token, accountId);
		return response(accountId, find(accountId, invoiceId));
	}

	@PostMapping(path = "/v1/accounts/{accountId}/invoices/{invoiceId}/payments",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Pay an invoice, choosing the tax document",
			description = "document TAX_INVOICE needs the account's taxContact at partner-service "
					+ "(422 TAX_CONTACT_REQUIRED otherwise); CASH_RECEIPT does not. Paid in full, the invoice is PAID.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							examples = @ExampleObject(name = "bank transfer with a tax invoice",
									value = "{\"amount\":{\"currencyCode\":\"KRW\",\"amount\":\"26400\"},"
											+ "\"method\":\"BANK_TRANSFER\",\"document\":\"TAX_INVOICE\"}"))))
	ResponseEntity<InvoiceResponse> pay(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String invoiceId, @RequestBody PaymentRequest request,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.AUTHORIZATION,
					required = false) String authorization,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Access.requireAccount(token, accountId);
		find(accountId, invoiceId);
		return this.idempotency.once("payments:" + accountId + "/" + invoiceId, idempotencyKey, request,
				InvoiceResponse.class, () -> payNow(accountId, invoiceId, request, authorization));
	}

	private ResponseEntity<InvoiceResponse> payNow(String accountId, String invoiceId, PaymentRequest request,
			String authorization) {
		if (request.amount() == null || request.amount().currencyCode() == null || request.amount().amount() == null
				|| !AMOUNT.matcher(request.amount().amount()).matches()
				|| new BigDecimal(request.amount().amount()).signum() <= 0) {
			throw ApiProblem.invalidField("amount", "must be {currencyCode, amount} with a positive decimal amount");
		}
		if (request.method() == null || request.method().isBlank() || request.method().length() > 64) {
			throw ApiProblem.invalidField("method", "must name the payment method, e.g. BANK_TRANSFER or CARD");
		}
		InvoicePayments.Document document;
		try {
			document = InvoicePayments.Document.valueOf(String.valueOf(request.document()));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidField("document", "must be TAX_INVOICE or CASH_RECEIPT");
		}
		this.payments.pay(accountId, invoiceId, request.amount().currencyCode(),
				new BigDecimal(request.amount().amount()), request.method(), document, authorization);
		return ResponseEntity.status(201).body(response(accountId, find(accountId, invoiceId)));
	}

	private InvoiceQueries.Invoice find(String accountId, String invoiceId) {
		return this.invoices.find(accountId, invoiceId)
			.orElseThrow(() -> ApiProblem.notFound("INVOICE_NOT_FOUND", "No invoice " + invoiceId + "."));
	}

	private InvoiceResponse response(String accountId, InvoiceQueries.Invoice invoice) {
		String currency = invoice.currencyCode().trim();
		String name = "accounts/" + accountId + "/invoices/" + invoice.invoiceId();
		List<LineResponse> lines = this.invoices.lines(accountId, invoice.invoiceId())
			.stream()
			.map((l) -> new LineResponse(l.lineNo(), l.kind(), l.usageMonth(),
					(l.customerId() != null) ? "accounts/" + accountId + "/customers/" + l.customerId() : null, l.sku(),
					l.meter(), (l.quantity() != null) ? l.quantity().stripTrailingZeros().toPlainString() : null,
					money(currency, l.costAtList()), money(currency, l.cost()), money(currency, l.customerCost()),
					l.adjustmentId(), l.adjustmentType(), l.description(), l.correctsInvoiceLine()))
			.toList();
		List<CreditResponse> credits = this.invoices.credits(accountId, invoice.invoiceId())
			.stream()
			.map((c) -> new CreditResponse(c.creditId(), c.type(), money(currency, c.amount())))
			.toList();
		List<PaymentResponse> payments = this.invoices.payments(accountId, invoice.invoiceId())
			.stream()
			.map((p) -> new PaymentResponse(p.paymentId(), money(currency, p.amount()), p.method(),
					new DocumentResponse(p.document(),
							(p.taxContact() != null) ? this.json.readTree(p.taxContact()) : null),
					p.paidAt()))
			.toList();
		return new InvoiceResponse(name, invoice.invoiceId(), invoice.month(), invoice.state(), currency,
				money(currency, invoice.subtotal()), money(currency, invoice.credits()), money(currency, invoice.tax()),
				money(currency, invoice.total()), money(currency, invoice.paid()), invoice.issuedAt(), invoice.dueAt(),
				lines, credits, payments);
	}

	static Money money(String currency, BigDecimal amount) {
		int scale = com.cloudpartner.billing.rating.RatingEngine.scale(currency);
		return Money.of(currency, amount.setScale(scale, java.math.RoundingMode.HALF_UP));
	}

	record PaymentRequest(Money amount, String method, String document) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record InvoicePage(List<InvoiceResponse> invoices, String nextPageToken) {
	}

	record InvoiceResponse(String name, String id, String month, String state, String currencyCode, Money subtotal,
			Money credits, Money tax, Money total, Money paid, Instant issuedAt, Instant dueAt,
			List<LineResponse> lines, List<CreditResponse> appliedCredits, List<PaymentResponse> payments) {
	}

	record LineResponse(int lineNumber, String type, String usageMonth, String customer, String sku, String meter,
			String quantity, Money costAtList, Money cost, Money customerCost, String adjustmentId,
			String adjustmentType, String description, String correctsInvoiceLine) {
	}

	record CreditResponse(String creditId, String type, Money amount) {
	}

	record DocumentResponse(String type, JsonNode taxContact) {
	}

	record PaymentResponse(String id, Money amount, String method, DocumentResponse document, Instant paidAt) {
	}

}
