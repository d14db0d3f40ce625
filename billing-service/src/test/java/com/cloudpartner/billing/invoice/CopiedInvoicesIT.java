package com.cloudpartner.billing.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.BillingIntegrationTest;
import com.cloudpartner.billing.charges.AccountRating;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A billing run's batches store invoices, lines and resource items with {@code COPY}
 * ({@link InvoiceStore#insertAll}); a single invoice still goes through the multi-row
 * insert the batches used before. Two accounts with the same contract and the same usage,
 * one invoiced each way, get the same rows to the last stored digit: amounts with more
 * decimals than the columns keep (a list price of 45.123456789 an hour after a 17.5%
 * discount, a monthly price prorated over partial months), and text that {@code COPY}
 * must escape (a tab, a backslash and a line break in a customer id). The resource items'
 * decimals are rounded to their columns' 12 places before the copy, half away from zero
 * as PostgreSQL rounds on input.
 */
class CopiedInvoicesIT extends BillingIntegrationTest {

	private static final YearMonth MONTH = YearMonth.of(2023, 6);

	private static final Instant NOW = Instant.parse("2023-06-30T15:10:00Z");

	@Autowired
	InvoiceIssuer issuer;

	@Autowired
	AccountRating rating;

	@Autowired
	JdbcClient jdbc;

	final String prefix = "copy-" + UUID.randomUUID().toString().substring(0, 8) + "-";

	final String sku = "products/copy/skus/" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void offer() {
		this.jdbc.sql("""
				insert into price_book_entry (offer, meter, effective_from, sku, unit, list_price, currency_code,
				    monthly_price)
				values (:offer, 'vm-hours', '2020-01-01T00:00:00Z', :sku, 'HOUR', 45.123456789, 'KRW', 30000.33)""")
			.param("offer", "offers/" + this.sku.replace('/', '-'))
			.param("sku", this.sku)
			.update();
	}

	@Test
	void aCopiedInvoiceIsStoredAsTheSingleInvoiceInsertStoresIt() {
		String single = account("single");
		String copied = account("copied");

		assertThat(this.issuer.issue(single, MONTH, "run-single", NOW)).isPresent();
		InvoiceIssuer.Batch batch = this.issuer.issueAll(List.of(copied), MONTH, "run-copied", NOW, scope());

		assertThat(batch.issued()).isEqualTo(1);
		assertThat(batch.alone()).isEmpty();
		assertThat(rows(copied, "run-copied")).hasSize(1 + 3 + 7).isEqualTo(rows(single, "run-single"));
		assertThat(this.jdbc.sql("""
				select count(*) from platform_outbox
				where topic = 'billing-events' and record_key = :key and payload like '%"invoice.issued"%'""")
			.param("key", "accounts/" + copied)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void aCopyOfAnInvoiceIssuedMeanwhileFailsAsADuplicateAndStoresNothing() {
		String account = account("twice");
		Map<String, com.cloudpartner.billing.rating.Contract> contracts = this.rating.contracts();
		assertThat(this.issuer.issue(account, MONTH, "run-first", NOW)).isPresent();
		List<String> before = rows(account, "run-first");

		RunScope scope = new RunScope(new ConcurrentHashMap<>(), Set.of(), Set.of(), Set.of(), contracts);
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.issuer.issueAll(List.of(account), MONTH, "run-second", NOW, scope));

		assertThat(rows(account, "run-first")).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from invoice_line_item where account_id = :a")
			.param("a", account)
			.query(Integer.class)
			.single()).isEqualTo(7);
	}

	@Test
	void decimalsAreRoundedBeforeTheCopyAsPostgresqlRoundsThemOnInput() {
		List<String> values = List.of("0.0000000000005", "-0.0000000000005", "0.0000000000004999", "-1.0000000000015",
				"123456.1234567890125", "2.9999999999995", "0.1234567890123456789012345678901234",
				"-0.1234567890125000000000000000000001", "45.123456789", "7");
		for (String value : values) {
			com.cloudpartner.billing.sql.CopyRows rows = new com.cloudpartner.billing.sql.CopyRows(12);
			rows.add(new java.math.BigDecimal(value));
			String copied = rows.toString().strip();
			assertThat(this.jdbc
				.sql("select cast(cast(:copied as numeric) as numeric(30, 12)) = cast(:v as numeric(30, 12))")
				.param("copied", copied)
				.param("v", value)
				.query(Boolean.class)
				.single()).as(value + " copied as " + copied).isTrue();
		}
	}

	@Autowired
	javax.sql.DataSource dataSource;

	/**
	 * Rows sent in many chunks (CopyRows keeps its text in chunks of ~16,000 characters
	 * so that a large batch is no humongous object): every row arrives once and whole,
	 * Korean text and escaped characters across chunk ends included.
	 */
	@Test
	void rowsOfManyChunksArriveWhole() {
		String table = "copy_chunks_" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("create table " + table + " (n integer primary key, label text not null, note text)").update();
		try {
			com.cloudpartner.billing.sql.CopyRows rows = new com.cloudpartner.billing.sql.CopyRows();
			java.util.Map<Integer, String> expected = new java.util.HashMap<>();
			int count = 5_000;
			for (int n = 0; n < count; n++) {
				String label = "서버 " + n + ((n % 7 == 0) ? "\ttab\tand\\back\nslash" : "") + "x".repeat(n % 97);
				expected.put(n, label);
				rows.add(n, label, (n % 5 == 0) ? null : "note " + n);
			}
			assertThat(rows.toString().length()).as("several chunks").isGreaterThan(20 * (1 << 14));
			new org.springframework.transaction.support.TransactionTemplate(
					new org.springframework.jdbc.datasource.DataSourceTransactionManager(this.dataSource))
				.executeWithoutResult(
						(status) -> rows.copy(this.dataSource, "copy " + table + " (n, label, note) from stdin"));
			java.util.Map<Integer, String> stored = new java.util.HashMap<>();
			this.jdbc.sql("select n, label, note from " + table).query((rs, i) -> {
				stored.put(rs.getInt(1), rs.getString(2));
				assertThat(rs.getString(3)).isEqualTo((rs.getInt(1) % 5 == 0) ? null : "note " + rs.getInt(1));
				return null;
			}).list();
			assertThat(stored).isEqualTo(expected);
		}
		finally {
			this.jdbc.sql("drop table " + table).update();
		}
	}

	private RunScope scope() {
		return new RunScope(new ConcurrentHashMap<>(), Set.of(), Set.of(), Set.of(), this.rating.contracts());
	}

	/**
	 * An account with a 17.5% discount and seven servers of three customers: one all
	 * month, the others for some hours of it.
	 */
	private String account(String name) {
		String account = this.prefix + name;
		this.jdbc.sql("""
				insert into billing_account_contract (account_id, supply_discount_percent, currency_code)
				values (:a, 17.5, 'KRW')""").param("a", account).update();
		this.jdbc.sql("""
				insert into contract_version (account_id, effective_from, supply_discount_percent, currency_code)
				values (:a, 'epoch', 17.5, 'KRW')""").param("a", account).update();
		this.jdbc
			.sql("""
					insert into usage_month (series_key, account_id, month, customer_id, resource, sku, meter, unit,
					    entitlement_id, units, first_at, last_at)
					select usage_series_key(account_id, resource, sku, meter), * from (
					    select :a, :month, case r % 3 when 0 then 'c-plain' when 1 then e'c\\ttab\\\\slash\\nbreak' else 'c-3' end,
					        'servers/' || r, :sku, 'vm-hours', 'HOUR', 'e-' || r, h,
					        timestamptz '2023-05-31T15:00:00Z', timestamptz '2023-05-31T15:00:00Z' + interval '1 hour' * h
					    from generate_series(1, 7) r, lateral (select case r when 1 then 720 else r * 37 + 5 end as h) hours)
					    as m(account_id, month, customer_id, resource, sku, meter, unit, entitlement_id, units, first_at,
					    last_at)""")
			.param("a", account)
			.param("month", MONTH.toString())
			.param("sku", this.sku)
			.update();
		return account;
	}

	/**
	 * The account's invoice, lines and items as text, without the account and run ids.
	 */
	private List<String> rows(String account, String runId) {
		return this.jdbc
			.sql("""
					select 'invoice ' || replace(concat_ws('|', invoice_id, month, state, currency_code, subtotal, credits, tax,
					    total, issued_at, due_at, run_id), :a, '?')
					from invoice where account_id = :a and run_id = :run
					union all
					select 'line ' || replace(concat_ws('|', invoice_id, line_no, kind, usage_month, customer_id, sku, meter,
					    quantity, cost_at_list, cost, customer_cost, coalesce(adjustment_id, '-'),
					    coalesce(adjustment_type, '-'), coalesce(description, '-'), coalesce(corrects_invoice_line, '-')),
					    :a, '?')
					from invoice_line where account_id = :a
					union all
					select 'item ' || replace(concat_ws('|', invoice_id, line_no, item_no, resource, entitlement_id,
					    coalesce(offer, '-'), usage_start, usage_end, unit, quantity, list_price, monthly_price, cost_at_list,
					    cost, customer_cost, coalesce(repricing_config, '-'), gross_cost_at_list, gross_cost,
					    gross_customer_cost), :a, '?')
					from invoice_line_item where account_id = :a
					order by 1""")
			.param("a", account)
			.param("run", runId)
			.query(String.class)
			.list()
			.stream()
			.map((row) -> row.replace("run-single", "run").replace("run-copied", "run").replace("run-first", "run"))
			.toList();
	}

}
