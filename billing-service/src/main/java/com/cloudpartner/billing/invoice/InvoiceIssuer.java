package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.charges.AccountRating;
import com.cloudpartner.billing.config.BillingProperties;
import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.Contract;
import com.cloudpartner.billing.rating.PriceVersion;
import com.cloudpartner.billing.rating.RatedLine;
import com.cloudpartner.billing.rating.RatingEngine;
import com.cloudpartner.billing.rating.RatingResult;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the invoice of one account for one month, in one transaction: the month's lines
 * as the month-to-date view rates them, corrections for late usage of invoiced months,
 * pending operator adjustments, credits oldest first up to the subtotal, VAT rounded
 * down. The invoice is unique per account and month, so a repeated or resumed run issues
 * nothing twice.
 */
@Service
class InvoiceIssuer {

	private static final Logger log = LoggerFactory.getLogger(InvoiceIssuer.class);

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final AccountRating rating;

	private final JdbcClient jdbc;

	private final InvoiceStore store;

	private final BillingProperties properties;

	InvoiceIssuer(AccountRating rating, JdbcClient jdbc, InvoiceStore store, BillingProperties properties) {
		this.rating = rating;
		this.jdbc = jdbc;
		this.store = store;
		this.properties = properties;
	}

	static String invoiceId(String accountId, YearMonth month) {
		return "inv-" + month + "-" + accountId;
	}

	/**
	 * Issues the account's invoice for the month unless it exists or there is nothing to
	 * charge.
	 * @return the issued invoice, or empty
	 */
	@Transactional
	Optional<InvoiceDraft> issue(String accountId, YearMonth month, String runId, Instant now) {
		return issue(accountId, month, runId, now, RunScope.perAccount());
	}

	/**
	 * Issues as {@link #issue(String, YearMonth, String, Instant)} does, with the month's
	 * price versions per currency and what else the run knows read once per run.
	 * @param scope what the run read for all its accounts
	 */
	@Transactional
	Optional<InvoiceDraft> issue(String accountId, YearMonth month, String runId, Instant now, RunScope scope) {
		if (!scope.knowsContracts() && this.store.exists(accountId, month)) {
			return Optional.empty();
		}
		Optional<Contract> contract = scope.knowsContracts() ? Optional.ofNullable(scope.contracts().get(accountId))
				: this.rating.contract(accountId);
		if (contract.isEmpty()) {
			return Optional.empty();
		}
		String currency = contract.get().currencyCode();
		RatingResult result = this.rating.rate(accountId, contract.get(), null, month, prices(scope, month, currency),
				scope.mayHaveRepricing(accountId));
		List<InvoiceDraft.Line> lines = regularLines(month, result);
		lines.addAll(lateUsage(accountId, contract.get(), month));
		if (scope.mayHaveAdjustments(accountId)) {
			lines.addAll(adjustments(accountId, month, currency, now));
		}
		if (lines.isEmpty()) {
			// billed with nothing to charge: usage of the month arriving later is late
			this.store.markBilled(List.of(accountId), month, runId, false);
			return Optional.empty();
		}
		InvoiceDraft draft = draft(accountId, month, currency, lines, now, scope.mayHaveCredits(accountId));
		InvoiceGuard.check(draft, this.rating.billingMonth(month));
		this.store.insert(draft, runId);
		this.store.markBilled(List.of(accountId), month, runId, true);
		return Optional.of(draft);
	}

	/**
	 * Issues the invoices of several accounts of a billing run in one transaction, as
	 * {@link #issue(String, YearMonth, String, Instant, RunScope)} would one by one, for
	 * the accounts with nothing but the month's usage to invoice: those with late usage
	 * of invoiced months, pending adjustments or credits are left to be issued one at a
	 * time. An invoice the guard refuses is left out and reported; the others are issued.
	 * Any other failure rolls the whole batch back (the caller then issues one at a
	 * time).
	 * @param accountIds accounts of the run, none invoiced for the month at its start
	 * @param scope what the run read for all its accounts (with every contract)
	 * @return what became of the accounts
	 */
	@Transactional
	Batch issueAll(List<String> accountIds, YearMonth month, String runId, Instant now, RunScope scope) {
		if (!scope.knowsContracts()) {
			throw new IllegalArgumentException("A batch needs the run's contracts");
		}
		Set<String> late = this.store.accountsWithLateUsage(accountIds, month);
		List<String> alone = new ArrayList<>();
		Map<String, Contract> contracts = new LinkedHashMap<>();
		for (String account : accountIds) {
			Contract contract = scope.contracts().get(account);
			if (contract == null) {
				continue;
			}
			if (late.contains(account) || scope.mayHaveAdjustments(account) || scope.mayHaveCredits(account)) {
				alone.add(account);
			}
			else {
				contracts.put(account, contract);
			}
		}
		Map<String, RatingResult> results = this.rating.rateAll(contracts, month,
				(currency) -> prices(scope, month, currency), scope::mayHaveRepricing);
		BillingMonth billingMonth = this.rating.billingMonth(month);
		List<InvoiceDraft> drafts = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		results.forEach((account, result) -> {
			List<InvoiceDraft.Line> lines = regularLines(month, result);
			if (lines.isEmpty()) {
				return;
			}
			InvoiceDraft draft = draft(account, month, contracts.get(account).currencyCode(), lines, now, false);
			try {
				InvoiceGuard.check(draft, billingMonth);
				drafts.add(draft);
			}
			catch (InvoiceGuard.InvoiceRefused ex) {
				log.error("Billing run {}: account {} not invoiced for {}: {}", runId, account, month, ex.getMessage());
				refused.add(account);
			}
		});
		this.store.insertAll(drafts, runId);
		Set<String> invoiced = new java.util.HashSet<>();
		drafts.forEach((d) -> invoiced.add(d.accountId()));
		List<String> empty = results.keySet()
			.stream()
			.filter((a) -> !invoiced.contains(a) && !refused.contains(a))
			.toList();
		this.store.markBilled(invoiced, month, runId, true);
		this.store.markBilled(empty, month, runId, false);
		return new Batch(drafts.size(), List.copyOf(refused), List.copyOf(alone));
	}

	private List<PriceVersion> prices(RunScope scope, YearMonth month, String currency) {
		return scope.prices().computeIfAbsent(currency, (c) -> this.rating.prices(c, month));
	}

	private static List<InvoiceDraft.Line> regularLines(YearMonth month, RatingResult result) {
		List<InvoiceDraft.Line> lines = new ArrayList<>();
		for (RatedLine line : result.lines()) {
			lines.add(new InvoiceDraft.Line(InvoiceDraft.Kind.REGULAR, month, line.customerId(), line.sku(),
					line.meter(), line.quantity(), line.costAtList(), line.cost(), line.customerCost(), null, null,
					null, null, line.items()));
		}
		return lines;
	}

	private InvoiceDraft draft(String accountId, YearMonth month, String currency, List<InvoiceDraft.Line> lines,
			Instant now, boolean mayHaveCredits) {
		int scale = RatingEngine.scale(currency);
		BigDecimal subtotal = lines.stream()
			.map(InvoiceDraft.Line::cost)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(scale, RoundingMode.UNNECESSARY);
		List<InvoiceDraft.AppliedCredit> credits = new ArrayList<>();
		BigDecimal room = subtotal.max(BigDecimal.ZERO);
		for (Credit credit : mayHaveCredits ? this.store.usableCredits(accountId, currency, now) : List.<Credit>of()) {
			if (room.signum() <= 0) {
				break;
			}
			BigDecimal used = credit.remaining().min(room);
			credits.add(new InvoiceDraft.AppliedCredit(credit.creditId(), used));
			room = room.subtract(used);
		}
		BigDecimal creditTotal = credits.stream()
			.map(InvoiceDraft.AppliedCredit::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.setScale(scale, RoundingMode.UNNECESSARY);
		BigDecimal taxable = subtotal.subtract(creditTotal).max(BigDecimal.ZERO);
		BigDecimal tax = taxable.multiply(this.properties.vatPercent())
			.divide(HUNDRED)
			.setScale(scale, RoundingMode.DOWN);
		BigDecimal total = subtotal.subtract(creditTotal).add(tax);
		BillingMonth issueMonth = BillingMonth.of(now, this.properties.zone());
		Instant dueAt = now.atZone(issueMonth.zone())
			.toLocalDate()
			.plusDays(this.properties.paymentTermsDays())
			.atStartOfDay(issueMonth.zone())
			.toInstant();
		return new InvoiceDraft(accountId, invoiceId(accountId, month), month, currency, List.copyOf(lines),
				List.copyOf(credits), subtotal, creditTotal, tax, total, now, dueAt);
	}

	/**
	 * Usage that arrived after its month was invoiced: each invoiced month whose usage
	 * changed since the account's last invoice is rated again, and the difference to what
	 * its invoices charged becomes a correction line pointing at that month.
	 */
	private List<InvoiceDraft.Line> lateUsage(String accountId, Contract contract, YearMonth month) {
		List<InvoiceDraft.Line> corrections = new ArrayList<>();
		for (YearMonth invoiced : this.store.monthsWithLateUsage(accountId, month)) {
			Map<String, InvoiceStore.Billed> billed = this.store.billedPerLine(accountId, invoiced);
			Map<String, RatedLine> rated = new TreeMap<>();
			for (RatedLine line : this.rating.rate(accountId, contract, null, invoiced).lines()) {
				rated.put(InvoiceStore.lineKey(line.customerId(), line.sku(), line.meter()), line);
			}
			java.util.Set<String> keys = new java.util.TreeSet<>(rated.keySet());
			keys.addAll(billed.keySet());
			for (String key : keys) {
				RatedLine now = rated.get(key);
				InvoiceStore.Billed before = billed.getOrDefault(key, InvoiceStore.Billed.NONE);
				BigDecimal cost = amount(now, RatedLine::cost).subtract(before.cost());
				BigDecimal costAtList = amount(now, RatedLine::costAtList).subtract(before.costAtList());
				BigDecimal customerCost = amount(now, RatedLine::customerCost).subtract(before.customerCost());
				if (cost.signum() == 0 && costAtList.signum() == 0 && customerCost.signum() == 0) {
					continue;
				}
				String[] parts = key.split("\\|", -1);
				BigDecimal quantity = ((now != null) ? now.quantity() : BigDecimal.ZERO).subtract(before.quantity());
				corrections.add(new InvoiceDraft.Line(InvoiceDraft.Kind.USAGE_CORRECTION, invoiced, parts[0], parts[1],
						parts[2], quantity.stripTrailingZeros(), costAtList, cost, customerCost, null,
						"USAGE_CORRECTION", "Usage of " + invoiced + " reported after its invoice", before.firstLine(),
						List.of()));
			}
		}
		if (!corrections.isEmpty()) {
			log.info("Account {}: {} correction line(s) for late usage on the invoice of {}", accountId,
					corrections.size(), month);
		}
		return corrections;
	}

	private static BigDecimal amount(RatedLine line, java.util.function.Function<RatedLine, BigDecimal> amount) {
		return (line != null) ? amount.apply(line) : BigDecimal.ZERO;
	}

	private List<InvoiceDraft.Line> adjustments(String accountId, YearMonth month, String currency, Instant now) {
		return this.jdbc.sql("""
				select adjustment_id, type, amount, month, description, corrects_invoice_line from adjustment
				where account_id = :account and invoice_id is null and currency_code = :currency and created_at <= :now
				order by created_at, adjustment_id""")
			.param("account", accountId)
			.param("currency", currency)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new InvoiceDraft.Line(InvoiceDraft.Kind.ADJUSTMENT,
					(rs.getString(4) != null) ? YearMonth.parse(rs.getString(4)) : month, null, null, null, null,
					BigDecimal.ZERO, rs.getBigDecimal(3).setScale(RatingEngine.scale(currency), RoundingMode.HALF_UP),
					BigDecimal.ZERO, rs.getString(1), rs.getString(2), rs.getString(5), rs.getString(6), List.of()))
			.list();
	}

	/**
	 * What {@link #issueAll} did with a batch of accounts.
	 *
	 * @param issued invoices issued
	 * @param refused accounts whose invoice the guard refused
	 * @param alone accounts to issue one at a time
	 */
	record Batch(int issued, List<String> refused, List<String> alone) {
	}

	/**
	 * A credit with an unused balance.
	 *
	 * @param creditId the credit
	 * @param remaining its balance
	 * @param createdAt when it was granted (oldest used first)
	 */
	record Credit(String creditId, BigDecimal remaining, OffsetDateTime createdAt) {
	}

}
