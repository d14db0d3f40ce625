package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import com.cloudpartner.billing.account.PartnerServiceClient;
import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments of invoices. The partner picks the tax document: a TAX_INVOICE needs the tax
 * contact on file at partner-service (read before the transaction), a CASH_RECEIPT does
 * not. An invoice paid in full becomes PAID and {@code invoice.paid} is published.
 */
@Service
class InvoicePayments {

	enum Document {

		TAX_INVOICE, CASH_RECEIPT

	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PartnerServiceClient partners;

	private final InvoiceEvents events;

	private final BillingClock clock;

	InvoicePayments(JdbcClient jdbc, TransactionTemplate transactions, PartnerServiceClient partners,
			InvoiceEvents events, BillingClock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.partners = partners;
		this.events = events;
		this.clock = clock;
	}

	String pay(String accountId, String invoiceId, String currency, BigDecimal amount, String method, Document document,
			String authorization) {
		String taxContact = null;
		if (document == Document.TAX_INVOICE) {
			JsonNode contact = this.partners.taxContact(accountId, authorization);
			if (contact == null) {
				throw ApiProblem.unprocessable("TAX_CONTACT_REQUIRED",
						"A tax invoice needs the tax contact in the account settings; set taxContact first, or pay "
								+ "with a CASH_RECEIPT.");
			}
			taxContact = contact.toString();
		}
		String contactJson = taxContact;
		return this.transactions.execute((status) -> record(accountId, invoiceId, currency, amount, method, document,
				contactJson, this.clock.instant()));
	}

	private String record(String accountId, String invoiceId, String currency, BigDecimal amount, String method,
			Document document, String taxContact, Instant now) {
		InvoiceQueries.Invoice invoice = this.jdbc.sql("""
				select invoice_id, month, state, currency_code, subtotal, credits, tax, total, paid, issued_at, due_at
				from invoice where account_id = :account and invoice_id = :invoice for update""")
			.param("account", accountId)
			.param("invoice", invoiceId)
			.query((rs, n) -> new InvoiceQueries.Invoice(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
					rs.getBigDecimal(9), null, null))
			.optional()
			.orElseThrow(() -> ApiProblem.notFound("INVOICE_NOT_FOUND", "No invoice " + invoiceId + "."));
		if ("PAID".equals(invoice.state())) {
			throw ApiProblem.conflict("INVOICE_ALREADY_PAID", "Invoice " + invoiceId + " is paid in full.");
		}
		if (!invoice.currencyCode().trim().equals(currency)) {
			throw ApiProblem.invalidField("amount.currencyCode", "must be the invoice's " + invoice.currencyCode());
		}
		BigDecimal open = invoice.total().subtract(invoice.paid());
		if (amount.compareTo(open) > 0) {
			throw ApiProblem.unprocessable("PAYMENT_EXCEEDS_BALANCE",
					"The invoice's open balance is " + open.stripTrailingZeros().toPlainString() + ".");
		}
		String paymentId = UUID.randomUUID().toString();
		this.jdbc.sql("""
				insert into payment (account_id, payment_id, invoice_id, amount, method, document, tax_contact, paid_at)
				values (:account, :payment, :invoice, :amount, :method, :document, :contact, :at)""")
			.param("account", accountId)
			.param("payment", paymentId)
			.param("invoice", invoiceId)
			.param("amount", amount)
			.param("method", method)
			.param("document", document.name())
			.param("contact", taxContact, java.sql.Types.VARCHAR)
			.param("at", now.atOffset(ZoneOffset.UTC))
			.update();
		BigDecimal paid = invoice.paid().add(amount);
		boolean full = paid.compareTo(invoice.total()) >= 0;
		this.jdbc
			.sql("update invoice set paid = :paid, state = case when :full then 'PAID' else state end "
					+ "where account_id = :account and invoice_id = :invoice")
			.param("paid", paid)
			.param("full", full)
			.param("account", accountId)
			.param("invoice", invoiceId)
			.update();
		if (full) {
			this.events.paid(accountId, invoiceId, invoice.month(), invoice.currencyCode().trim(), invoice.total(),
					paid, now);
		}
		return paymentId;
	}

}
