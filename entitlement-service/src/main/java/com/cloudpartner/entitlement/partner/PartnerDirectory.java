package com.cloudpartner.entitlement.partner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.PageRequest.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The projection of partner-service's partner accounts, billing accounts and customers,
 * as far as entitlements need them. Writes are upserts so that a replayed or reordered
 * event converges on the same rows.
 */
@Repository
public class PartnerDirectory {

	private final JdbcClient jdbc;

	PartnerDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> accountState(String accountId) {
		return this.jdbc.sql("select state from partner_account where id = :id")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	public Optional<BillingAccount> findBillingAccount(String accountId, String billingAccountId) {
		return this.jdbc
			.sql("select account_id, id, display_name, currency, region_code from billing_account "
					+ "where account_id = :account and id = :id")
			.param("account", accountId)
			.param("id", billingAccountId)
			.query(BillingAccount.class)
			.optional();
	}

	/** Every billing account of a partner. */
	public List<BillingAccount> billingAccounts(String accountId) {
		return this.jdbc
			.sql("select account_id, id, display_name, currency, region_code from billing_account "
					+ "where account_id = :account order by id")
			.param("account", accountId)
			.query(BillingAccount.class)
			.list();
	}

	/** The partner account with this public id (as named in a transfer token). */
	public Optional<String> accountByPublicId(String publicId) {
		return this.jdbc.sql("select id from partner_account where public_id = :publicId")
			.param("publicId", publicId)
			.query(String.class)
			.optional();
	}

	public Optional<String> publicId(String accountId) {
		return this.jdbc.sql("select public_id from partner_account where id = :id and public_id is not null")
			.param("id", accountId)
			.query(String.class)
			.optional();
	}

	/** The customer's user id and display name, when the projection knows it. */
	public Optional<String[]> customer(String accountId, String customerId) {
		return this.jdbc
			.sql("select user_id, display_name from customer where account_id = :account and customer_id = :customer "
					+ "and not deleted")
			.param("account", accountId)
			.param("customer", customerId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.optional();
	}

	Page<BillingAccount> listBillingAccounts(String accountId, PageRequest page) {
		List<BillingAccount> rows = this.jdbc
			.sql("select account_id, id, display_name, currency, region_code from billing_account "
					+ "where account_id = :account and (:first or id > :after) order by id limit :limit")
			.param("account", accountId)
			.param("first", page.first())
			.param("after", page.first() ? "" : page.after().get(0))
			.param("limit", page.fetchSize())
			.query(BillingAccount.class)
			.list();
		return page.page(rows, (b) -> List.of(b.id()));
	}

	/**
	 * Whether the customer is known: empty when never seen, else whether it is deleted.
	 */
	Optional<Boolean> customerDeleted(String accountId, String customerId) {
		return this.jdbc.sql("select deleted from customer where account_id = :account and customer_id = :customer")
			.param("account", accountId)
			.param("customer", customerId)
			.query(Boolean.class)
			.optional();
	}

	void saveAccount(String id, String publicId, String displayName, String state, String currency, Instant now) {
		this.jdbc
			.sql("insert into partner_account (id, public_id, display_name, state, currency, update_time) "
					+ "values (:id, :publicId, :displayName, :state, :currency, :now) on conflict (id) do update set "
					+ "public_id = excluded.public_id, display_name = excluded.display_name, state = excluded.state, "
					+ "currency = excluded.currency, update_time = excluded.update_time")
			.param("id", id)
			.param("publicId", publicId)
			.param("displayName", displayName)
			.param("state", state)
			.param("currency", currency)
			.param("now", Timestamp.from(now))
			.update();
	}

	void changeAccountState(String id, String state, Instant now) {
		this.jdbc
			.sql("insert into partner_account (id, state, update_time) values (:id, :state, :now) "
					+ "on conflict (id) do update set state = excluded.state, update_time = excluded.update_time")
			.param("id", id)
			.param("state", state)
			.param("now", Timestamp.from(now))
			.update();
	}

	void saveBillingAccount(BillingAccount account, Instant now) {
		this.jdbc
			.sql("insert into billing_account (account_id, id, display_name, currency, region_code, update_time) "
					+ "values (:account, :id, :displayName, :currency, :region, :now) on conflict (account_id, id) "
					+ "do update set display_name = excluded.display_name, currency = excluded.currency, "
					+ "region_code = excluded.region_code, update_time = excluded.update_time")
			.param("account", account.accountId())
			.param("id", account.id())
			.param("displayName", account.displayName())
			.param("currency", account.currency())
			.param("region", account.regionCode())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Records a customer.
	 * @param replace whether a known row is overwritten (events) or kept (a synchronous
	 * look-up that may be older than an event already applied)
	 */
	void saveCustomer(String accountId, String customerId, String userId, String displayName, boolean replace,
			Instant now) {
		this.jdbc.sql("insert into customer (account_id, customer_id, user_id, display_name, deleted, update_time) "
				+ "values (:account, :customer, :userId, :displayName, false, :now) on conflict (account_id, customer_id) "
				+ (replace ? "do update set user_id = excluded.user_id, display_name = excluded.display_name, "
						+ "update_time = excluded.update_time" : "do nothing"))
			.param("account", accountId)
			.param("customer", customerId)
			.param("userId", userId)
			.param("displayName", displayName)
			.param("now", Timestamp.from(now))
			.update();
	}

	void deleteCustomer(String accountId, String customerId, Instant now) {
		this.jdbc
			.sql("insert into customer (account_id, customer_id, deleted, update_time) values (:account, :customer, true, :now) "
					+ "on conflict (account_id, customer_id) do update set deleted = true, update_time = excluded.update_time")
			.param("account", accountId)
			.param("customer", customerId)
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * A partner's billing account, {@code accounts/{accountId}/billingAccounts/{id}}.
	 *
	 * @param accountId the partner account
	 * @param id the billing account id
	 * @param displayName shown to the partner
	 * @param currency what it is invoiced in
	 * @param regionCode where, e.g. KR
	 */
	public record BillingAccount(String accountId, String id, String displayName, String currency, String regionCode) {

		public String name() {
			return "accounts/" + this.accountId + "/billingAccounts/" + this.id;
		}

	}

}
