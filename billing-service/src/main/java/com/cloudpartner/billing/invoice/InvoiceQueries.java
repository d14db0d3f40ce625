package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads invoices with their lines, credits and payments. */
@Repository
class InvoiceQueries {

	private static final String INVOICE_COLUMNS = "invoice_id, month, state, currency_code, subtotal, credits, tax, "
			+ "total, paid, issued_at, due_at";

	private static final RowMapper<Invoice> INVOICE = (rs, n) -> new Invoice(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
			rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getObject(10, OffsetDateTime.class).toInstant(),
			rs.getObject(11, OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;

	InvoiceQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A page of an account's invoices, newest month first, after the given month. */
	List<Invoice> list(String accountId, String beforeMonth, int limit) {
		return this.jdbc
			.sql("select " + INVOICE_COLUMNS + " from invoice where account_id = :account "
					+ "and (cast(:before as text) is null or month < :before) order by month desc limit :limit")
			.param("account", accountId)
			.param("before", beforeMonth, java.sql.Types.VARCHAR)
			.param("limit", limit)
			.query(INVOICE)
			.list();
	}

	Optional<Invoice> find(String accountId, String invoiceId) {
		return this.jdbc
			.sql("select " + INVOICE_COLUMNS + " from invoice where account_id = :account and invoice_id = :invoice")
			.param("account", accountId)
			.param("invoice", invoiceId)
			.query(INVOICE)
			.optional();
	}

	List<Line> lines(String accountId, String invoiceId) {
		return this.jdbc.sql("""
				select line_no, kind, usage_month, customer_id, sku, meter, quantity, cost_at_list, cost, customer_cost,
				    adjustment_id, adjustment_type, description, corrects_invoice_line
				from invoice_line where account_id = :account and invoice_id = :invoice order by line_no""")
			.param("account", accountId)
			.param("invoice", invoiceId)
			.query((rs, n) -> new Line(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
					rs.getBigDecimal(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14)))
			.list();
	}

	List<AppliedCredit> credits(String accountId, String invoiceId) {
		return this.jdbc.sql("""
				select c.credit_id, c.type, ic.amount from invoice_credit ic
				join credit c on c.account_id = ic.account_id and c.credit_id = ic.credit_id
				where ic.account_id = :account and ic.invoice_id = :invoice order by c.created_at, c.credit_id""")
			.param("account", accountId)
			.param("invoice", invoiceId)
			.query((rs, n) -> new AppliedCredit(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
			.list();
	}

	List<Payment> payments(String accountId, String invoiceId) {
		return this.jdbc.sql("""
				select payment_id, amount, method, document, tax_contact, paid_at from payment
				where account_id = :account and invoice_id = :invoice order by paid_at, payment_id""")
			.param("account", accountId)
			.param("invoice", invoiceId)
			.query((rs, n) -> new Payment(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	record Invoice(String invoiceId, String month, String state, String currencyCode, BigDecimal subtotal,
			BigDecimal credits, BigDecimal tax, BigDecimal total, BigDecimal paid, Instant issuedAt, Instant dueAt) {
	}

	record Line(int lineNo, String kind, String usageMonth, String customerId, String sku, String meter,
			BigDecimal quantity, BigDecimal costAtList, BigDecimal cost, BigDecimal customerCost, String adjustmentId,
			String adjustmentType, String description, String correctsInvoiceLine) {
	}

	record AppliedCredit(String creditId, String type, BigDecimal amount) {
	}

	record Payment(String paymentId, BigDecimal amount, String method, String document, String taxContact,
			Instant paidAt) {
	}

}
