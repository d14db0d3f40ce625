package com.cloudpartner.billing.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.cloudpartner.billing.rating.Contract;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of partner accounts: their state and the contract terms billing needs.
 */
@Repository
public class AccountContracts {

	private final JdbcClient jdbc;

	AccountContracts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's billing terms, when it is known to billing. */
	public Optional<AccountContract> find(String accountId) {
		return this.jdbc
			.sql("select account_id, state, supply_discount_percent, currency_code from billing_account_contract "
					+ "where account_id = :account")
			.param("account", accountId)
			.query((rs, n) -> new AccountContract(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getString(4)))
			.optional();
	}

	/**
	 * The billing terms of several accounts, in one query; unknown accounts are absent.
	 */
	public java.util.Map<String, AccountContract> findAll(java.util.Collection<String> accountIds) {
		java.util.Map<String, AccountContract> found = new java.util.HashMap<>();
		this.jdbc
			.sql("select account_id, state, supply_discount_percent, currency_code from billing_account_contract "
					+ "where account_id = any(:accounts)")
			.param("accounts", accountIds.toArray(String[]::new))
			.query((rs, n) -> found.put(rs.getString(1),
					new AccountContract(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4))))
			.list();
		return found;
	}

	void saveContract(String accountId, String state, BigDecimal supplyDiscountPercent, String currencyCode,
			String reference) {
		this.jdbc.sql("""
				insert into billing_account_contract (account_id, state, supply_discount_percent, currency_code,
				    contract_reference)
				values (:account, :state, :discount, :currency, :reference)
				on conflict (account_id) do update set state = excluded.state,
				    supply_discount_percent = excluded.supply_discount_percent,
				    currency_code = excluded.currency_code, contract_reference = excluded.contract_reference,
				    updated_at = now()""")
			.param("account", accountId)
			.param("state", state)
			.param("discount", supplyDiscountPercent)
			.param("currency", currencyCode)
			.param("reference", reference)
			.update();
	}

	/** Seeds a contract unless the account is known already. */
	void saveContractIfAbsent(String accountId, BigDecimal supplyDiscountPercent, String currencyCode,
			String reference) {
		this.jdbc.sql("""
				insert into billing_account_contract (account_id, state, supply_discount_percent, currency_code,
				    contract_reference)
				values (:account, 'ACTIVE', :discount, :currency, :reference)
				on conflict (account_id) do nothing""")
			.param("account", accountId)
			.param("discount", supplyDiscountPercent)
			.param("currency", currencyCode)
			.param("reference", reference)
			.update();
	}

	/** The supply discount versions of every account, oldest first, for billing runs. */
	public java.util.Map<String, List<Contract.Discount>> allDiscounts() {
		java.util.Map<String, List<Contract.Discount>> discounts = new java.util.HashMap<>();
		this.jdbc
			.sql("select account_id, effective_from, supply_discount_percent from contract_version "
					+ "order by account_id, effective_from")
			.query((rs, n) -> discounts.computeIfAbsent(rs.getString(1), (a) -> new java.util.ArrayList<>())
				.add(new Contract.Discount(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getBigDecimal(3))))
			.list();
		return discounts;
	}

	/** Every account's billing terms, for billing runs. */
	public List<AccountContract> all() {
		return this.jdbc
			.sql("select account_id, state, supply_discount_percent, currency_code from billing_account_contract")
			.query((rs, n) -> new AccountContract(rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
					rs.getString(4)))
			.list();
	}

	/** The supply discount versions of an account, oldest first. */
	public List<Contract.Discount> discounts(String accountId) {
		return this.jdbc
			.sql("select effective_from, supply_discount_percent from contract_version where account_id = :account "
					+ "order by effective_from")
			.param("account", accountId)
			.query((rs, n) -> new Contract.Discount(rs.getObject(1, OffsetDateTime.class).toInstant(),
					rs.getBigDecimal(2)))
			.list();
	}

	/**
	 * Every account with a contract in a currency that no run billed for the month yet,
	 * for billing runs: a repeated run finds nothing to do in one query.
	 */
	public List<String> accountsToInvoice(java.time.YearMonth month) {
		return this.jdbc.sql("""
				select c.account_id from billing_account_contract c
				where c.supply_discount_percent is not null and c.currency_code is not null
				    and not exists (select 1 from billed_month b where b.account_id = c.account_id and b.month = :month)
				order by c.account_id""").param("month", month.toString()).query(String.class).list();
	}

	/** Records a contract version from its effective time on (a repeat corrects it). */
	void saveVersion(String accountId, Instant effectiveFrom, BigDecimal supplyDiscountPercent, String currencyCode,
			String reference) {
		this.jdbc.sql("""
				insert into contract_version (account_id, effective_from, supply_discount_percent, currency_code,
				    contract_reference)
				values (:account, :from, :discount, :currency, :reference)
				on conflict (account_id, effective_from) do update
				set supply_discount_percent = excluded.supply_discount_percent,
				    currency_code = excluded.currency_code, contract_reference = excluded.contract_reference""")
			.param("account", accountId)
			.param("from", effectiveFrom.atOffset(ZoneOffset.UTC))
			.param("discount", supplyDiscountPercent)
			.param("currency", currencyCode)
			.param("reference", reference, java.sql.Types.VARCHAR)
			.update();
	}

	void saveState(String accountId, String state) {
		this.jdbc.sql("""
				insert into billing_account_contract (account_id, state) values (:account, :state)
				on conflict (account_id) do update set state = excluded.state, updated_at = now()""")
			.param("account", accountId)
			.param("state", state)
			.update();
	}

	/**
	 * What billing knows about a partner account.
	 *
	 * @param accountId the account
	 * @param state ACTIVE or SUSPENDED
	 * @param supplyDiscountPercent the contract's discount, {@code null} before approval
	 * is seen
	 * @param currencyCode the billing currency, {@code null} before approval is seen
	 */
	public record AccountContract(String accountId, String state, BigDecimal supplyDiscountPercent,
			String currencyCode) {

		public boolean hasContract() {
			return this.supplyDiscountPercent != null && this.currencyCode != null;
		}

	}

}
