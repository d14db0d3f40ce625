package com.cloudpartner.billing.invoice;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.BillingIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run invoices its accounts in batches (100 to a transaction by default): every account
 * of several batches gets exactly its own invoice and {@code invoice.issued}, and a batch
 * that meets an invoice issued meanwhile is rolled back and invoiced one account at a
 * time, so that the others are still invoiced and none twice. Each account holds a server
 * for the whole month (30,000 at list, 24,000 after its 20% discount) and one for
 * {@code n % 10 + 1} hours (45 an hour at list, 36 after the discount).
 */
class BatchedBillingRunIT extends BillingIntegrationTest {

	private static final YearMonth MONTH = YearMonth.of(2023, 4);

	@Autowired
	BillingRuns runs;

	@Autowired
	InvoiceIssuer issuer;

	@Autowired
	JdbcClient jdbc;

	final String prefix = "batch-" + UUID.randomUUID().toString().substring(0, 8) + "-";

	final String sku = "products/batch/skus/" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void offer() {
		this.jdbc.sql("""
				insert into price_book_entry (offer, meter, effective_from, sku, unit, list_price, currency_code,
				    monthly_price)
				values (:offer, 'vm-hours', '2020-01-01T00:00:00Z', :sku, 'HOUR', 45, 'KRW', 30000)""")
			.param("offer", "offers/" + this.sku.replace('/', '-'))
			.param("sku", this.sku)
			.update();
	}

	@Test
	void invoicesEveryAccountOfSeveralBatchesOnceWithItsOwnLines() {
		List<String> accounts = accounts(250);

		BillingRuns.Run run = run();
		this.runs.execute(run, accounts);

		assertSucceeded(run, 250);
		assertInvoicedOnceAtTheirPrices(accounts);
		assertThat(this.jdbc.sql("""
				select count(*) from platform_outbox
				where topic = 'billing-events' and record_key like :prefix and payload like '%"invoice.issued"%'""")
			.param("prefix", "accounts/" + this.prefix + "%")
			.query(Integer.class)
			.single()).isEqualTo(250);
	}

	@Test
	void invoicesABatchOneAccountAtATimeWhenOneOfItWasInvoicedMeanwhile() {
		List<String> accounts = accounts(5);
		assertThat(this.issuer.issue(accounts.get(2), MONTH, null, Instant.parse("2023-04-30T15:05:00Z"))).isPresent();

		BillingRuns.Run run = run();
		this.runs.execute(run, accounts);

		assertSucceeded(run, 4);
		assertInvoicedOnceAtTheirPrices(accounts);
	}

	/** Accounts with a contract and a month of usage, as the consumer rolls it up. */
	private List<String> accounts(int count) {
		this.jdbc.sql("""
				insert into billing_account_contract (account_id, supply_discount_percent, currency_code)
				select :prefix || n, 20, 'KRW' from generate_series(1, :count) n""")
			.param("prefix", this.prefix)
			.param("count", count)
			.update();
		this.jdbc.sql("""
				insert into contract_version (account_id, effective_from, supply_discount_percent, currency_code)
				select :prefix || n, 'epoch', 20, 'KRW' from generate_series(1, :count) n""")
			.param("prefix", this.prefix)
			.param("count", count)
			.update();
		this.jdbc
			.sql("""
					insert into usage_month (series_key, account_id, month, customer_id, resource, sku, meter, unit,
					    entitlement_id, units, first_at, last_at)
					select usage_series_key(account_id, resource, sku, meter), * from (
					    select :prefix || n, :month, 'c1', 'accounts/' || :prefix || n || '/servers/' || r, :sku, 'vm-hours',
					        'HOUR', 'e-' || r, case r when 1 then 720 else n % 10 + 1 end,
					        timestamptz '2023-03-31T15:00:00Z',
					        timestamptz '2023-03-31T15:00:00Z' + interval '1 hour' * case r when 1 then 720 else n % 10 + 1 end
					    from generate_series(1, :count) n, generate_series(1, 2) r)
					    as m(account_id, month, customer_id, resource, sku, meter, unit, entitlement_id, units, first_at,
					    last_at)""")
			.param("prefix", this.prefix)
			.param("month", MONTH.toString())
			.param("sku", this.sku)
			.param("count", count)
			.update();
		return IntStream.rangeClosed(1, count).mapToObj((n) -> this.prefix + n).toList();
	}

	private BillingRuns.Run run() {
		BillingRuns.Run run = new BillingRuns.Run(UUID.randomUUID().toString(), MONTH.toString(), "RUNNING", 0, 0, null,
				Instant.now(), null);
		this.jdbc.sql("""
				insert into billing_run (id, month, account_filter, state, trigger, created_at)
				values (:id, :month, null, 'RUNNING', 'OPERATOR', now())""")
			.param("id", run.id())
			.param("month", run.month())
			.update();
		return run;
	}

	private void assertSucceeded(BillingRuns.Run run, int issued) {
		assertThat(this.runs.find(run.id())).hasValueSatisfying((done) -> {
			assertThat(done.state()).isEqualTo("SUCCEEDED");
			assertThat(done.invoicesIssued()).isEqualTo(issued);
			assertThat(done.failures()).isZero();
		});
	}

	private void assertInvoicedOnceAtTheirPrices(List<String> accounts) {
		for (String account : accounts) {
			int n = Integer.parseInt(account.substring(this.prefix.length()));
			long subtotal = 24000 + 36L * (n % 10 + 1);
			List<String> invoices = this.jdbc
				.sql("""
						select trim_scale(subtotal) || '/' || trim_scale(tax) || '/' || trim_scale(total) || '/' || (select count(*) from invoice_line_item t
						    where t.account_id = i.account_id and t.invoice_id = i.invoice_id)
						from invoice i where account_id = :account and month = :month""")
				.param("account", account)
				.param("month", MONTH.toString())
				.query(String.class)
				.list();
			assertThat(invoices).as(account)
				.containsExactly(subtotal + "/" + (subtotal / 10) + "/" + (subtotal + subtotal / 10) + "/2");
		}
	}

}
