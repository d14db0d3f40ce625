package com.cloudpartner.entitlement.entitlement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.PageRequest.Page;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The entitlement table. */
@Repository
class Entitlements {

	private static final String COLUMNS = "account_id, customer_id, id, offer_id, sku, state, suspension_reasons::text, "
			+ "parameters::text, billing_account_id, purchase_order_id, create_time, update_time, trial_end_time, "
			+ "commitment_end_time, renewal_enabled";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Entitlements(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Entitlement e) {
		this.jdbc
			.sql("insert into entitlement (account_id, customer_id, id, offer_id, sku, state, suspension_reasons, "
					+ "parameters, billing_account_id, purchase_order_id, create_time, update_time, trial_end_time, "
					+ "commitment_end_time, renewal_enabled) values (:account, "
					+ ":customer, :id, :offer, :sku, :state, cast(:reasons as jsonb), cast(:parameters as jsonb), "
					+ ":billing, :purchaseOrder, :createTime, :updateTime, :trialEnd, :termEnd, :renewal)")
			.param("account", e.accountId())
			.param("customer", e.customerId())
			.param("id", e.id())
			.param("offer", e.offerId())
			.param("sku", e.sku())
			.param("state", e.state().name())
			.param("reasons", this.json.writeValueAsString(e.suspensionReasons()))
			.param("parameters", this.json.writeValueAsString(e.parameters()))
			.param("billing", e.billingAccountId())
			.param("purchaseOrder", e.purchaseOrderId())
			.param("createTime", Timestamp.from(e.createTime()))
			.param("updateTime", Timestamp.from(e.updateTime()))
			.param("trialEnd", timestamp(e.trialEndTime()))
			.param("termEnd", timestamp(e.commitmentEndTime()))
			.param("renewal", e.renewalEnabled())
			.update();
	}

	/** Stores every changeable column of the entitlement. */
	void update(Entitlement e) {
		this.jdbc
			.sql("update entitlement set state = :state, suspension_reasons = cast(:reasons as jsonb), "
					+ "offer_id = :offer, sku = :sku, parameters = cast(:parameters as jsonb), "
					+ "billing_account_id = :billing, trial_end_time = :trialEnd, commitment_end_time = :termEnd, "
					+ "renewal_enabled = :renewal, "
					+ "update_time = :updateTime where account_id = :account and customer_id = :customer and id = :id")
			.param("state", e.state().name())
			.param("reasons", this.json.writeValueAsString(e.suspensionReasons()))
			.param("offer", e.offerId())
			.param("sku", e.sku())
			.param("parameters", this.json.writeValueAsString(e.parameters()))
			.param("billing", e.billingAccountId())
			.param("trialEnd", timestamp(e.trialEndTime()))
			.param("termEnd", timestamp(e.commitmentEndTime()))
			.param("renewal", e.renewalEnabled())
			.param("updateTime", Timestamp.from(e.updateTime()))
			.param("account", e.accountId())
			.param("customer", e.customerId())
			.param("id", e.id())
			.update();
	}

	Optional<Entitlement> find(String accountId, String customerId, String id) {
		return find(accountId, customerId, id, "");
	}

	/** Locks the row for a state change. */
	Optional<Entitlement> findForUpdate(String accountId, String customerId, String id) {
		return find(accountId, customerId, id, " for update");
	}

	private Optional<Entitlement> find(String accountId, String customerId, String id, String lock) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from entitlement where account_id = :account and customer_id = :customer and id = :id" + lock)
			.param("account", accountId)
			.param("customer", customerId)
			.param("id", id)
			.query(this::entitlement)
			.optional();
	}

	/** A customer's entitlements, oldest first. */
	Page<Entitlement> list(String accountId, String customerId, PageRequest page) {
		Instant afterTime = Instant.EPOCH;
		String afterId = "";
		if (!page.first()) {
			try {
				afterTime = Instant.parse(page.after().get(0));
				afterId = page.after().get(1);
			}
			catch (DateTimeParseException ex) {
				throw com.cloudpartner.support.paging.PageTokens.invalid();
			}
		}
		List<Entitlement> rows = this.jdbc.sql("select " + COLUMNS
				+ " from entitlement where account_id = :account and customer_id = :customer "
				+ "and (:first or (create_time, id) > (:afterTime, :afterId)) order by create_time, id limit :limit")
			.param("account", accountId)
			.param("customer", customerId)
			.param("first", page.first())
			.param("afterTime", Timestamp.from(afterTime))
			.param("afterId", afterId)
			.param("limit", page.fetchSize())
			.query(this::entitlement)
			.list();
		return page.page(rows, (e) -> List.of(e.createTime().toString(), e.id()));
	}

	/** Keys of entitlements whose trial or commitment term ended at {@code now}. */
	List<Key> dueForTrialEnd(Instant now, int limit) {
		return due("trial_end_time <= :now and state <> 'CANCELLED' "
				+ "and not suspension_reasons @> '[\"TRIAL_ENDED\"]'::jsonb", now, limit);
	}

	List<Key> dueForRenewal(Instant now, int limit) {
		return due("commitment_end_time <= :now and state <> 'CANCELLED'", now, limit);
	}

	private List<Key> due(String condition, Instant now, int limit) {
		return this.jdbc.sql("select account_id, customer_id, id from entitlement where " + condition + " limit :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Which of the named (customer, entitlement) pairs of the account exist, in any
	 * state: one look-up by primary key per pair, in one query.
	 */
	List<Key> existing(String accountId, List<String> customerIds, List<String> entitlementIds) {
		return this.jdbc
			.sql("""
					select e.account_id, e.customer_id, e.id
					from unnest(cast(:customers as text[]), cast(:ids as text[])) as named (customer_id, id)
					join entitlement e on e.account_id = :account and e.customer_id = named.customer_id and e.id = named.id""")
			.param("account", accountId)
			.param("customers", customerIds.toArray(String[]::new))
			.param("ids", entitlementIds.toArray(String[]::new))
			.query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** A partner's entitlements in one state, for account-wide suspensions. */
	List<Key> keysOfAccount(String accountId, EntitlementState state) {
		return this.jdbc
			.sql("select account_id, customer_id, id from entitlement where account_id = :account "
					+ "and state = :state")
			.param("account", accountId)
			.param("state", state.name())
			.query((rs, n) -> new Key(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** A customer's entitlements that are not cancelled, for transfers. */
	List<Entitlement> liveOfCustomer(String accountId, String customerId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from entitlement where account_id = :account and customer_id = :customer "
					+ "and state <> 'CANCELLED' order by create_time, id")
			.param("account", accountId)
			.param("customer", customerId)
			.query(this::entitlement)
			.list();
	}

	void recordChange(Entitlement e, String changeType, String actor, String reason) {
		this.jdbc.sql("insert into entitlement_change (account_id, customer_id, entitlement_id, change_type, actor, "
				+ "reason, offer_id, state, parameters, change_time) values (:account, :customer, :id, :type, :actor, "
				+ ":reason, :offer, :state, cast(:parameters as jsonb), :time)")
			.param("account", e.accountId())
			.param("customer", e.customerId())
			.param("id", e.id())
			.param("type", changeType)
			.param("actor", actor)
			.param("reason", reason)
			.param("offer", e.offerId())
			.param("state", e.state().name())
			.param("parameters", this.json.writeValueAsString(e.parameters()))
			.param("time", Timestamp.from(e.updateTime()))
			.update();
	}

	Page<Change> changes(String accountId, String customerId, String id, PageRequest page) {
		long after = 0;
		if (!page.first()) {
			try {
				after = Long.parseLong(page.after().get(0));
			}
			catch (NumberFormatException ex) {
				throw com.cloudpartner.support.paging.PageTokens.invalid();
			}
		}
		List<Change> rows = this.jdbc
			.sql("select seq, change_type, actor, reason, offer_id, state, parameters::text, change_time "
					+ "from entitlement_change where account_id = :account and customer_id = :customer "
					+ "and entitlement_id = :id and seq > :after order by seq limit :limit")
			.param("account", accountId)
			.param("customer", customerId)
			.param("id", id)
			.param("after", after)
			.param("limit", page.fetchSize())
			.query((rs, n) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					"offers/" + rs.getString(5), rs.getString(6),
					List.of(this.json.readValue(rs.getString(7), Parameter[].class)), rs.getTimestamp(8).toInstant()))
			.list();
		return page.page(rows, (c) -> List.of(Long.toString(c.seq())));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The key of an entitlement.
	 *
	 * @param accountId the partner
	 * @param customerId the customer
	 * @param id the entitlement id
	 */
	record Key(String accountId, String customerId, String id) {

	}

	/**
	 * One entry of an entitlement's change history.
	 *
	 * @param seq order of the change
	 * @param changeType e.g. CHANGE_OFFER, SUSPEND
	 * @param actor who: {@code accounts/{a}}, {@code operators/{sub}} or {@code system}
	 * @param reason why, when there is one (suspension reason, cancellation reason)
	 * @param offer the offer after the change
	 * @param state the state after the change
	 * @param parameters the parameters after the change
	 * @param changeTime when
	 */
	record Change(long seq, String changeType, String actor, String reason, String offer, String state,
			List<Parameter> parameters, Instant changeTime) {

	}

	private Entitlement entitlement(ResultSet rs, int row) throws SQLException {
		return new Entitlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				EntitlementState.valueOf(rs.getString(6)),
				List.of(this.json.readValue(rs.getString(7), String[].class)),
				List.of(this.json.readValue(rs.getString(8), Parameter[].class)), rs.getString(9), rs.getString(10),
				rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), instant(rs.getTimestamp(13)),
				instant(rs.getTimestamp(14)), rs.getBoolean(15));
	}

}
