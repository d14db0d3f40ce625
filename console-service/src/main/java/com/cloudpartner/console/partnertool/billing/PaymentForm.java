package com.cloudpartner.console.partnertool.billing;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * Paying an invoice: amount (the invoice's currency), method, and the tax document the
 * partner wants, checked with billing-service's rules first.
 */
public class PaymentForm {

	static final Set<String> DOCUMENTS = Set.of("TAX_INVOICE", "CASH_RECEIPT");

	static final Set<String> METHODS = Set.of("BANK_TRANSFER", "CARD");

	private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}(\\.\\d{1,6})?");

	private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

	private String amount = "";

	private String method = "BANK_TRANSFER";

	private String document = "TAX_INVOICE";

	private String idempotencyKey = "";

	static PaymentForm forInvoice(Billing.Invoice invoice) {
		PaymentForm form = new PaymentForm();
		form.setAmount(invoice.due().amount());
		form.renewKey();
		return form;
	}

	void validate(Errors errors) {
		if (!AMOUNT.matcher(this.amount).matches() || new BigDecimal(this.amount).signum() <= 0) {
			errors.rejectValue("amount", "pt.invoices.error.amount");
		}
		if (!METHODS.contains(this.method)) {
			errors.rejectValue("method", "pt.invoices.error.method");
		}
		if (!DOCUMENTS.contains(this.document)) {
			errors.rejectValue("document", "pt.invoices.error.document");
		}
	}

	/** A double click pays once; a form shown again after a refusal gets a new key. */
	void renewKey() {
		this.idempotencyKey = UUID.randomUUID().toString();
	}

	String keyOrNew() {
		if (!KEY.matcher(this.idempotencyKey).matches()) {
			renewKey();
		}
		return this.idempotencyKey;
	}

	public String getAmount() {
		return this.amount;
	}

	public void setAmount(String amount) {
		this.amount = trim(amount).replace(",", "");
	}

	public String getMethod() {
		return this.method;
	}

	public void setMethod(String method) {
		this.method = trim(method);
	}

	public String getDocument() {
		return this.document;
	}

	public void setDocument(String document) {
		this.document = trim(document);
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = trim(idempotencyKey);
	}

	private static String trim(String value) {
		return (value != null) ? value.strip() : "";
	}

}
