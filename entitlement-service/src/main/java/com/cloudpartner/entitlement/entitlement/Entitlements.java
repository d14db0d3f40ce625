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
			+ "parameters::text, billing_account_id, purchase_order_id, create_time, update_time";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Entitlements(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Entitlement e) {
		this.jdbc
			.sql("insert into entitlement (account_id, customer_id, id, offer_id, sku, state, suspension_reasons, "
					+ "parameters, billing_account_id, purchase_order_id, create_time, update_time) values (:account, "
					+ ":customer, :id, :offer, :sku, :state, cast(:reasons as jsonb), cast(:parameters as jsonb), "
					+ ":billing, :purchaseOrder, :createTime, :updateTime)")
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
			.update();
	}

	void updateState(Entitlement e) {
		this.jdbc
			.sql("update entitlement set state = :state, suspension_reasons = cast(:reasons as jsonb), "
					+ "update_time = :updateTime where account_id = :account and customer_id = :customer and id = :id")
			.param("state", e.state().name())
			.param("reasons", this.json.writeValueAsString(e.suspensionReasons()))
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
				throw ApiProblem.invalidField("pageToken", "is not a token returned by this list");
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

	private Entitlement entitlement(ResultSet rs, int row) throws SQLException {
		return new Entitlement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				EntitlementState.valueOf(rs.getString(6)),
				List.of(this.json.readValue(rs.getString(7), String[].class)),
				List.of(this.json.readValue(rs.getString(8), Parameter[].class)), rs.getString(9), rs.getString(10),
				rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant());
	}

}
