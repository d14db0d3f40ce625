package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import com.cloudpartner.billing.rating.RatedItem;
import com.cloudpartner.billing.sql.CopyRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices with their lines, resource items and applied credits. */
@Repository
class InvoiceStore {

	/**
	 * Usage of billed months before {@code :month} (with an invoice or with nothing to
	 * charge at their run) that changed after the account's latest billing (a minute of
	 * slack for a run still under way); the caller adds which account.
	 */
	private static final String LATE_USAGE = """
			 from usage_month u
			join billed_month b on b.account_id = u.account_id and b.month = u.month
			where u.month < :month
			    and u.updated_at > (select max(billed_at) - interval '1 minute' from billed_month
			        where account_id = u.account_id)""";

	private static final String COPY_INVOICES = """
			copy invoice (account_id, invoice_id, month, state, currency_code, subtotal, credits, tax, total,
			    issued_at, due_at, run_id) from stdin""";

	private static final String COPY_LINES = """
			copy invoice_line (account_id, invoice_id, line_no, kind, usage_month, customer_id, sku, meter, quantity,
			    cost_at_list, cost, customer_cost, adjustment_id, adjustment_type, description, corrects_invoice_line)
			from stdin""";

	private static final String COPY_ITEMS = """
			copy invoice_line_item (account_id, invoice_id, line_no, item_no, resource, entitlement_id, offer,
			    usage_start, usage_end, unit, quantity, list_price, monthly_price, cost_at_list, cost, customer_cost,
			    repricing_config, gross_cost_at_list, gross_cost, gross_customer_cost) from stdin""";

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final InvoiceEvents events;

	InvoiceStore(JdbcClient jdbc, DataSource dataSource, InvoiceEvents events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.events = events;
	}

	static String lineKey(String customerId, String sku, String meter) {
		return customerId + "|" + sku + "|" + meter;
	}

	/**
	 * Whether a run billed the account for the month already (with or without invoice).
	 */
	/**
	 * Records that a run billed these accounts for the month, with the invoice it issued
	 * or with nothing to charge: their usage of the month that arrives later is late.
	 */
	void markBilled(java.util.Collection<String> accountIds, YearMonth month, String runId, boolean invoiced) {
		if (accountIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into billed_month (account_id, month, run_id, invoice_id)
				select a, :month, :run, case when :invoiced then 'inv-' || :month || '-' || a end
				from unnest(cast(:accounts as text[])) as t(a)
				on conflict (account_id, month) do nothing""")
			.param("accounts", accountIds.toArray(String[]::new))
			.param("month", month.toString())
			.param("run", runId, java.sql.Types.VARCHAR)
			.param("invoiced", invoiced)
			.update();
	}

	boolean exists(String accountId, YearMonth month) {
		return this.jdbc.sql("select count(*) from billed_month where account_id = :account and month = :month")
			.param("account", accountId)
			.param("month", month.toString())
			.query(Integer.class)
			.single() > 0;
	}

	List<InvoiceIssuer.Credit> usableCredits(String accountId, String currency, Instant now) {
		return this.jdbc.sql("""
				select credit_id, remaining, created_at from credit
				where account_id = :account and currency_code = :currency and remaining > 0 and created_at <= :now
				    and (expire_time is null or expire_time > :now)
				order by created_at, credit_id for update""")
			.param("account", accountId)
			.param("currency", currency)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new InvoiceIssuer.Credit(rs.getString(1), rs.getBigDecimal(2),
					rs.getObject(3, OffsetDateTime.class)))
			.list();
	}

	/**
	 * Invoiced months before the given one whose usage changed after the account's latest
	 * invoice was issued.
	 */
	List<YearMonth> monthsWithLateUsage(String accountId, YearMonth before) {
		return this.jdbc.sql("select distinct u.month" + LATE_USAGE + " and u.account_id = :account order by u.month")
			.param("account", accountId)
			.param("month", before.toString())
			.query((rs, n) -> YearMonth.parse(rs.getString(1)))
			.list();
	}

	/**
	 * What the invoices so far charged for a usage month, per customer, SKU and meter.
	 */
	Map<String, Billed> billedPerLine(String accountId, YearMonth usageMonth) {
		Map<String, Billed> billed = new LinkedHashMap<>();
		this.jdbc.sql("""
				select customer_id, sku, meter, sum(coalesce(quantity, 0)), sum(cost_at_list), sum(cost),
				    sum(customer_cost), min(invoice_id || '/' || line_no)
				from invoice_line where account_id = :account and usage_month = :month
				    and kind in ('REGULAR', 'USAGE_CORRECTION')
				group by customer_id, sku, meter""")
			.param("account", accountId)
			.param("month", usageMonth.toString())
			.query((rs, n) -> billed.put(lineKey(rs.getString(1), rs.getString(2), rs.getString(3)),
					new Billed(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
							rs.getString(8))))
			.list();
		return billed;
	}

	/**
	 * Accounts among the given ones that have late usage ({@link #monthsWithLateUsage})
	 * for an invoice of the month, in one query.
	 */
	Set<String> accountsWithLateUsage(Collection<String> accountIds, YearMonth before) {
		return new HashSet<>(this.jdbc
			.sql("select a.account_id from unnest(cast(:accounts as text[])) as a(account_id) "
					+ "where exists (select 1" + LATE_USAGE + " and u.account_id = a.account_id)")
			.param("accounts", accountIds.toArray(String[]::new))
			.param("month", before.toString())
			.query(String.class)
			.list());
	}

	/**
	 * Stores invoices without credits or adjustments with their lines and resource items
	 * (a {@code COPY} per table, in the caller's transaction), and their
	 * {@code invoice.issued} in one statement.
	 */
	void insertAll(List<InvoiceDraft> drafts, String runId) {
		if (drafts.isEmpty()) {
			return;
		}
		for (InvoiceDraft draft : drafts) {
			if (!draft.credits().isEmpty() || draft.lines().stream().anyMatch((l) -> l.adjustmentId() != null)) {
				throw new IllegalArgumentException(draft.invoiceId() + " has credits or adjustments: insert it alone");
			}
		}
		copyInvoices(drafts, runId);
		this.events.issued(drafts);
	}

	/**
	 * Stores an invoice with its lines and resource items in one statement (one round
	 * trip), then its credits, adjustments and {@code invoice.issued}.
	 */
	void insert(InvoiceDraft draft, String runId) {
		insertInvoices(List.of(draft), runId);
		for (InvoiceDraft.AppliedCredit credit : draft.credits()) {
			this.jdbc.sql("update credit set remaining = remaining - :amount where account_id = :a and credit_id = :c")
				.param("amount", credit.amount())
				.param("a", draft.accountId())
				.param("c", credit.creditId())
				.update();
			this.jdbc
				.sql("insert into invoice_credit (account_id, invoice_id, credit_id, amount) values (:a, :i, :c, "
						+ ":amount)")
				.param("a", draft.accountId())
				.param("i", draft.invoiceId())
				.param("c", credit.creditId())
				.param("amount", credit.amount())
				.update();
		}
		for (InvoiceDraft.Line line : draft.lines()) {
			if (line.adjustmentId() != null) {
				this.jdbc.sql("update adjustment set invoice_id = :i where account_id = :a and adjustment_id = :id")
					.param("i", draft.invoiceId())
					.param("a", draft.accountId())
					.param("id", line.adjustmentId())
					.update();
			}
		}
		this.events.issued(List.of(draft));
	}

	private void insertInvoices(List<InvoiceDraft> drafts, String runId) {
		Columns invoices = new Columns(11);
		Columns lines = new Columns(16);
		Columns items = new Columns(20);
		for (InvoiceDraft draft : drafts) {
			invoices.add(draft.accountId(), draft.invoiceId(), draft.month(), draft.currencyCode(), draft.subtotal(),
					draft.creditTotal(), draft.tax(), draft.total(), draft.issuedAt(), draft.dueAt(), runId);
			addLines(draft, lines, items);
		}
		this.jdbc
			.sql("""
					with invoice_rows as (
					    insert into invoice (account_id, invoice_id, month, state, currency_code, subtotal, credits, tax,
					        total, issued_at, due_at, run_id)
					    select account_id, invoice_id, month, 'ISSUED', currency_code, subtotal, credits, tax, total,
					        issued_at, due_at, run_id
					    from unnest(cast(:v0 as text[]), cast(:v1 as text[]), cast(:v2 as text[]), cast(:v3 as text[]),
					        cast(:v4 as numeric[]), cast(:v5 as numeric[]), cast(:v6 as numeric[]),
					        cast(:v7 as numeric[]), cast(:v8 as timestamptz[]), cast(:v9 as timestamptz[]),
					        cast(:v10 as text[]))
					        as v(account_id, invoice_id, month, currency_code, subtotal, credits, tax, total, issued_at,
					        due_at, run_id)),
					line_rows as (
					    insert into invoice_line (account_id, invoice_id, line_no, kind, usage_month, customer_id, sku, meter,
					        quantity, cost_at_list, cost, customer_cost, adjustment_id, adjustment_type, description,
					        corrects_invoice_line)
					    select * from unnest(cast(:l0 as text[]), cast(:l1 as text[]), cast(:l2 as int[]),
					        cast(:l3 as text[]), cast(:l4 as text[]), cast(:l5 as text[]), cast(:l6 as text[]),
					        cast(:l7 as text[]), cast(:l8 as numeric[]), cast(:l9 as numeric[]), cast(:l10 as numeric[]),
					        cast(:l11 as numeric[]), cast(:l12 as text[]), cast(:l13 as text[]), cast(:l14 as text[]),
					        cast(:l15 as text[])))
					insert into invoice_line_item (account_id, invoice_id, line_no, item_no, resource, entitlement_id, offer,
					    usage_start, usage_end, unit, quantity, list_price, monthly_price, cost_at_list, cost, customer_cost,
					    repricing_config, gross_cost_at_list, gross_cost, gross_customer_cost)
					select * from unnest(cast(:i0 as text[]), cast(:i1 as text[]), cast(:i2 as int[]), cast(:i3 as int[]),
					    cast(:i4 as text[]), cast(:i5 as text[]), cast(:i6 as text[]), cast(:i7 as timestamptz[]),
					    cast(:i8 as timestamptz[]), cast(:i9 as text[]), cast(:i10 as numeric[]), cast(:i11 as numeric[]),
					    cast(:i12 as numeric[]), cast(:i13 as numeric[]), cast(:i14 as numeric[]), cast(:i15 as numeric[]),
					    cast(:i16 as text[]), cast(:i17 as numeric[]), cast(:i18 as numeric[]), cast(:i19 as numeric[]))""")
			.params(invoices.named("v"))
			.params(lines.named("l"))
			.params(items.named("i"))
			.update();
	}

	/**
	 * Stores invoices with their lines and resource items as {@link #insertInvoices}
	 * does, in {@code COPY}'s text format: the same text for every value (so the same
	 * stored values), without the arrays' encoding and with less work for PostgreSQL.
	 */
	private void copyInvoices(List<InvoiceDraft> drafts, String runId) {
		CopyRows invoices = new CopyRows();
		CopyRows lines = new CopyRows();
		// every numeric column of invoice_line_item keeps 12 places
		CopyRows items = new CopyRows(12);
		for (InvoiceDraft draft : drafts) {
			invoices.add(draft.accountId(), draft.invoiceId(), draft.month(), "ISSUED", draft.currencyCode(),
					draft.subtotal(), draft.creditTotal(), draft.tax(), draft.total(), draft.issuedAt(), draft.dueAt(),
					runId);
			addLines(draft, lines::add, items::add);
		}
		invoices.copy(this.dataSource, COPY_INVOICES);
		lines.copy(this.dataSource, COPY_LINES);
		items.copy(this.dataSource, COPY_ITEMS);
	}

	private static void addLines(InvoiceDraft draft, Rows lines, Rows items) {
		int lineNo = 0;
		for (InvoiceDraft.Line line : draft.lines()) {
			lineNo++;
			lines.add(draft.accountId(), draft.invoiceId(), lineNo, line.kind().name(), line.usageMonth(),
					line.customerId(), line.sku(), line.meter(), line.quantity(), line.costAtList(), line.cost(),
					line.customerCost(), line.adjustmentId(), line.adjustmentType(), line.description(),
					line.correctsInvoiceLine());
			int itemNo = 0;
			for (RatedItem item : line.items()) {
				itemNo++;
				items.add(draft.accountId(), draft.invoiceId(), lineNo, itemNo, item.resource(), item.entitlementId(),
						item.offer(), item.usageStart(), item.usageEnd(), item.unit().name(), item.units(),
						item.listPrice(), item.monthlyPrice(), item.costAtList(), item.cost(), item.customerCost(),
						item.repricingConfig(), item.grossCostAtList(), item.grossCost(), item.grossCustomerCost());
			}
		}
	}

	/** Rows to store, one value after the other. */
	private interface Rows {

		void add(Object... values);

	}

	/**
	 * Column-wise text arrays for {@code unnest}: one round trip for any number of rows.
	 */
	private static final class Columns implements Rows {

		private final List<List<String>> columns = new ArrayList<>();

		Columns(int count) {
			for (int i = 0; i < count; i++) {
				this.columns.add(new ArrayList<>());
			}
		}

		@Override
		public void add(Object... values) {
			for (int i = 0; i < values.length; i++) {
				this.columns.get(i).add(text(values[i]));
			}
		}

		static String text(Object value) {
			if (value == null) {
				return null;
			}
			return (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value.toString();
		}

		Map<String, Object> named(String prefix) {
			Map<String, Object> params = new LinkedHashMap<>();
			for (int i = 0; i < this.columns.size(); i++) {
				params.put(prefix + i, this.columns.get(i).toArray(String[]::new));
			}
			return params;
		}

	}

	/**
	 * What earlier invoices charged for a line of a usage month.
	 *
	 * @param quantity the quantity
	 * @param costAtList at list
	 * @param cost the partner's cost
	 * @param customerCost the customers' cost
	 * @param firstLine the first line that charged it ({@code invoiceId/lineNo})
	 */
	record Billed(BigDecimal quantity, BigDecimal costAtList, BigDecimal cost, BigDecimal customerCost,
			String firstLine) {

		static final Billed NONE = new Billed(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);

	}

}
