package com.cloudpartner.billing.invoice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.account.AccountContracts;
import com.cloudpartner.billing.charges.AccountRating;
import com.cloudpartner.billing.config.BillingClock;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.usage.ConsumedBacklog;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Billing runs: the scheduled one at 00:05 on the 1st (billing zone) for the month
 * before, and those an operator starts for a month. A run invoices every account with a
 * contract, in batches of accounts each in its own transaction ({@code run-batch-size},
 * {@code run-parallelism} batches at a time; accounts with late usage, adjustments or
 * credits one at a time); an account already invoiced for the month is skipped, so a run
 * can be repeated, and a run left RUNNING by a crash is resumed at start. Before it
 * invoices, a run waits (a while at most) until the usage, partner and entitlement events
 * already sent to billing have been consumed, so that usage acknowledged before the run
 * is on the month's invoice rather than the next one's late usage.
 */
@Service
class BillingRuns {

	private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);

	private final JdbcClient jdbc;

	private final AccountContracts contracts;

	private final AccountRating rating;

	private final InvoiceIssuer issuer;

	private final BillingClock clock;

	private final BillingProperties properties;

	private final ConsumedBacklog backlog;

	private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().factory());

	BillingRuns(JdbcClient jdbc, AccountContracts contracts, AccountRating rating, InvoiceIssuer issuer,
			BillingClock clock, BillingProperties properties, ConsumedBacklog backlog) {
		this.jdbc = jdbc;
		this.backlog = backlog;
		this.contracts = contracts;
		this.rating = rating;
		this.issuer = issuer;
		this.clock = clock;
		this.properties = properties;
	}

	/** Starts a run in the background; it can be followed with {@link #find}. */
	Run start(YearMonth month, String accountFilter, String trigger) {
		Run run = new Run(UUID.randomUUID().toString(), month.toString(), "RUNNING", 0, 0, accountFilter,
				this.clock.instant(), null);
		this.jdbc.sql("""
				insert into billing_run (id, month, account_filter, state, trigger, created_at)
				values (:id, :month, :filter, 'RUNNING', :trigger, :at)""")
			.param("id", run.id())
			.param("month", run.month())
			.param("filter", accountFilter, java.sql.Types.VARCHAR)
			.param("trigger", trigger)
			.param("at", run.createdAt().atOffset(ZoneOffset.UTC))
			.update();
		this.runner.execute(() -> execute(run));
		return run;
	}

	Optional<Run> find(String id) {
		return this.jdbc.sql("""
				select id, month, state, invoices_issued, failures, account_filter, created_at, finished_at
				from billing_run where id = :id""")
			.param("id", id)
			.query((rs, n) -> new Run(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
					rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
					(rs.getObject(8) != null) ? rs.getObject(8, OffsetDateTime.class).toInstant() : null))
			.optional();
	}

	/**
	 * Runs the invoicing of every account, once billing has consumed what was sent to it
	 * before (see {@link ConsumedBacklog}); safe to call again for the same run.
	 */
	void execute(Run run) {
		YearMonth month = YearMonth.parse(run.month());
		this.backlog.awaitConsumed();
		execute(run,
				(run.accountFilter() != null) ? List.of(run.accountFilter()) : this.contracts.accountsToInvoice(month));
	}

	/** Invoices the given accounts for the run's month and records the run's outcome. */
	void execute(Run run, List<String> accounts) {
		YearMonth month = YearMonth.parse(run.month());
		AtomicInteger issued = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long started = System.nanoTime();
		// a repeated run finds no account left: it reads nothing more (every contract,
		// ...)
		if (!accounts.isEmpty()) {
			invoice(run, month, accounts, issued, failed);
		}
		String state = (failed.get() == 0) ? "SUCCEEDED" : "FAILED";
		this.jdbc.sql("""
				update billing_run set state = :state, invoices_issued = invoices_issued + :issued, failures = :failed,
				    finished_at = :at where id = :id""")
			.param("state", state)
			.param("issued", issued.get())
			.param("failed", failed.get())
			.param("at", this.clock.instant().atOffset(ZoneOffset.UTC))
			.param("id", run.id())
			.update();
		log.info("Billing run {} for {}: {} invoice(s) issued, {} failure(s), {} account(s) in {} ms", run.id(), month,
				issued.get(), failed.get(), accounts.size(), (System.nanoTime() - started) / 1_000_000);
	}

	private void invoice(Run run, YearMonth month, List<String> accounts, AtomicInteger issued, AtomicInteger failed) {
		RunScope scope = (run.accountFilter() != null) ? RunScope.perAccount() : scope(month);
		try (ExecutorService pool = Executors.newFixedThreadPool(this.properties.runParallelism())) {
			if (scope.knowsContracts()) {
				int size = this.properties.runBatchSize();
				for (int from = 0; from < accounts.size(); from += size) {
					List<String> batch = accounts.subList(from, Math.min(accounts.size(), from + size));
					pool.execute(() -> issueBatch(run, month, batch, scope, issued, failed));
				}
			}
			else {
				accounts.forEach((account) -> pool.execute(() -> issueOne(run, month, account, scope, issued, failed)));
			}
		}
	}

	/**
	 * Invoices a batch of accounts in one transaction; those the batch leaves alone, or
	 * all of them when the batch fails as a whole (an invoice issued meanwhile by another
	 * run, a database error), are invoiced one at a time.
	 */
	private void issueBatch(Run run, YearMonth month, List<String> accounts, RunScope scope, AtomicInteger issued,
			AtomicInteger failed) {
		List<String> alone;
		try {
			InvoiceIssuer.Batch batch = this.issuer.issueAll(accounts, month, run.id(), now(), scope);
			issued.addAndGet(batch.issued());
			failed.addAndGet(batch.refused().size());
			alone = batch.alone();
		}
		catch (RuntimeException ex) {
			log.warn("Billing run {}: a batch of {} account(s) from {} failed ({}); invoicing them one at a time",
					run.id(), accounts.size(), accounts.get(0), ex.toString());
			alone = accounts;
		}
		alone.forEach((account) -> issueOne(run, month, account, scope, issued, failed));
	}

	private void issueOne(Run run, YearMonth month, String account, RunScope scope, AtomicInteger issued,
			AtomicInteger failed) {
		try {
			if (this.issuer.issue(account, month, run.id(), now(), scope).isPresent()) {
				issued.incrementAndGet();
			}
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			log.info("Billing run {}: account {} was invoiced for {} meanwhile", run.id(), account, month);
		}
		catch (RuntimeException ex) {
			failed.incrementAndGet();
			log.error("Billing run {}: account {} not invoiced for {}: {}", run.id(), account, month, ex.getMessage());
		}
	}

	/** What the run reads once: see {@link RunScope}. */
	private RunScope scope(YearMonth month) {
		return new RunScope(new ConcurrentHashMap<>(),
				accounts("select distinct account_id from repricing_config where effective_month <= :month", month),
				accounts("select distinct account_id from adjustment where invoice_id is null", month),
				accounts("select distinct account_id from credit where remaining > 0", month), this.rating.contracts());
	}

	private Set<String> accounts(String sql, YearMonth month) {
		return Set.copyOf(this.jdbc.sql(sql)
			.params(sql.contains(":month") ? Map.of("month", month.toString()) : Map.of())
			.query(String.class)
			.list());
	}

	/** Invoices are stamped to the second. */
	private Instant now() {
		return this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
	}

	@Scheduled(cron = "${platform.billing.run-cron:0 5 0 1 * *}", zone = "${platform.billing.zone:Asia/Seoul}")
	void monthly() {
		YearMonth previous = BillingMonth.of(this.clock.instant(), this.properties.zone()).month().minusMonths(1);
		log.info("Scheduled billing run for {}", previous);
		start(previous, null, "SCHEDULE");
	}

	/** Resumes runs that a stop or crash left RUNNING. */
	@EventListener(ApplicationReadyEvent.class)
	void resumeInterrupted() {
		this.jdbc.sql("select id from billing_run where state = 'RUNNING' order by created_at")
			.query(String.class)
			.list()
			.forEach((id) -> find(id).ifPresent((run) -> {
				log.info("Resuming billing run {} for {}", run.id(), run.month());
				this.runner.execute(() -> execute(run));
			}));
	}

	/**
	 * A billing run.
	 *
	 * @param id its id
	 * @param month the month billed
	 * @param state RUNNING, SUCCEEDED or FAILED (some account's invoice was refused)
	 * @param invoicesIssued invoices this run issued
	 * @param failures accounts whose invoice was refused or failed
	 * @param accountFilter the only account to bill, or {@code null} for all
	 * @param createdAt when it started
	 * @param finishedAt when it finished, or {@code null}
	 */
	record Run(String id, String month, String state, int invoicesIssued, int failures, String accountFilter,
			Instant createdAt, Instant finishedAt) {
	}

}
