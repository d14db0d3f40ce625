package com.cloudpartner.entitlement.resources;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.PageRequest.Page;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The resource table. */
@Repository
class Resources {

	private static final String COLUMNS = "account_id, customer_id, id, kind, entitlement_id, sku, display_name, "
			+ "state, size_gb, parent_id, attributes::text, provider_id, error, create_time, update_time";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Resources(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Resource r) {
		this.jdbc.sql("""
				insert into resource (account_id, customer_id, id, kind, entitlement_id, sku, display_name, state,
				    size_gb, parent_id, attributes, provider_id, error, create_time, update_time)
				values (:account, :customer, :id, :kind, :entitlement, :sku, :displayName, :state, :size, :parent,
				    cast(:attributes as jsonb), :providerId, :error, :createTime, :updateTime)""")
			.params(params(r))
			.update();
	}

	void update(Resource r) {
		this.jdbc.sql("""
				update resource set account_id = :account, customer_id = :customer, entitlement_id = :entitlement,
				    sku = :sku, display_name = :displayName, state = :state, size_gb = :size,
				    attributes = cast(:attributes as jsonb), provider_id = :providerId, error = :error,
				    update_time = :updateTime
				where id = :id""").params(params(r)).update();
	}

	private Map<String, Object> params(Resource r) {
		var params = new java.util.HashMap<String, Object>();
		params.put("account", r.accountId());
		params.put("customer", r.customerId());
		params.put("id", r.id());
		params.put("kind", r.kind().name());
		params.put("entitlement", r.entitlementId());
		params.put("sku", r.sku());
		params.put("displayName", r.displayName());
		params.put("state", r.state().name());
		params.put("size", r.sizeGb());
		params.put("parent", r.parentId());
		params.put("attributes", this.json.writeValueAsString(r.attributes()));
		params.put("providerId", r.providerId());
		params.put("error", r.error());
		params.put("createTime", Timestamp.from(r.createTime()));
		params.put("updateTime", Timestamp.from(r.updateTime()));
		return params;
	}

	/** A customer's resource of a kind, locked for a change. */
	Optional<Resource> findForUpdate(String accountId, String customerId, ResourceKind kind, String id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from resource where account_id = :account and id = :id "
					+ "and customer_id = :customer and kind = :kind for update")
			.param("account", accountId)
			.param("customer", customerId)
			.param("kind", kind.name())
			.param("id", id)
			.query(this::resource)
			.optional();
	}

	Optional<Resource> find(String accountId, String customerId, ResourceKind kind, String id) {
		return this.jdbc
			.sql("select " + COLUMNS + " from resource where account_id = :account and id = :id "
					+ "and customer_id = :customer and kind = :kind")
			.param("account", accountId)
			.param("customer", customerId)
			.param("kind", kind.name())
			.param("id", id)
			.query(this::resource)
			.optional();
	}

	/** By id alone, for the job runner (the job already names the owner). */
	Optional<Resource> findById(String id, boolean lock) {
		return this.jdbc.sql("select " + COLUMNS + " from resource where id = :id" + (lock ? " for update" : ""))
			.param("id", id)
			.query(this::resource)
			.optional();
	}

	/** Resources a server holds: attached disks and public IPs, its firewall rules. */
	List<Resource> boundTo(String serverId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from resource where state <> 'DELETED' "
					+ "and (parent_id = :id or attributes ->> 'server' = :id)")
			.param("id", serverId)
			.query(this::resource)
			.list();
	}

	/**
	 * A customer's resources of a kind (firewall rules: of one server), oldest first,
	 * without deleted ones.
	 */
	Page<Resource> list(String accountId, String customerId, ResourceKind kind, String parentId, PageRequest page) {
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
		List<Resource> rows = this.jdbc.sql("select " + COLUMNS + """
				 from resource where account_id = :account and customer_id = :customer and kind = :kind
				and state <> 'DELETED' and (cast(:parent as text) is null or parent_id = :parent)
				and (:first or (create_time, id) > (:afterTime, :afterId))
				order by create_time, id limit :limit""")
			.param("account", accountId)
			.param("customer", customerId)
			.param("kind", kind.name())
			.param("parent", parentId, java.sql.Types.VARCHAR)
			.param("first", page.first())
			.param("afterTime", Timestamp.from(afterTime))
			.param("afterId", afterId)
			.param("limit", page.fetchSize())
			.query(this::resource)
			.list();
		return page.page(rows, (r) -> List.of(r.createTime().toString(), r.id()));
	}

	/**
	 * A partner account's resources across its customers, newest first: of one customer
	 * and one kind where given, in one state where given, else all but deleted ones.
	 */
	Page<Resource> listOfAccount(String accountId, String customerId, ResourceKind kind, ResourceState state,
			PageRequest page) {
		Instant beforeTime = Instant.parse("9999-01-01T00:00:00Z");
		String beforeId = "";
		if (!page.first()) {
			try {
				beforeTime = Instant.parse(page.after().get(0));
				beforeId = page.after().get(1);
			}
			catch (DateTimeParseException ex) {
				throw com.cloudpartner.support.paging.PageTokens.invalid();
			}
		}
		List<Resource> rows = this.jdbc.sql("select " + COLUMNS + """
				 from resource where account_id = :account
				and (cast(:customer as text) is null or customer_id = :customer)
				and (cast(:kind as text) is null or kind = :kind)
				and (case when cast(:state as text) is null then state <> 'DELETED' else state = :state end)
				and (:first or (create_time, id) < (:beforeTime, :beforeId))
				order by create_time desc, id desc limit :limit""")
			.param("account", accountId)
			.param("customer", customerId, java.sql.Types.VARCHAR)
			.param("kind", (kind != null) ? kind.name() : null, java.sql.Types.VARCHAR)
			.param("state", (state != null) ? state.name() : null, java.sql.Types.VARCHAR)
			.param("first", page.first())
			.param("beforeTime", Timestamp.from(beforeTime))
			.param("beforeId", beforeId)
			.param("limit", page.fetchSize())
			.query(this::resource)
			.list();
		return page.page(rows, (r) -> List.of(r.createTime().toString(), r.id()));
	}

	/**
	 * Resources under an entitlement that still exist (or are being created or deleted).
	 */
	long countLive(String accountId, String entitlementId) {
		return this.jdbc.sql("""
				select count(*) from resource where account_id = :account and entitlement_id = :entitlement
				and state <> 'DELETED' and not (state = 'ERROR' and provider_id is null)""")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.query(Long.class)
			.single();
	}

	/** Every not deleted resource of an entitlement, locked, for a transfer. */
	List<Resource> ofEntitlementForUpdate(String accountId, String entitlementId) {
		return this.jdbc
			.sql("select " + COLUMNS + " from resource where account_id = :account "
					+ "and entitlement_id = :entitlement and state <> 'DELETED' for update")
			.param("account", accountId)
			.param("entitlement", entitlementId)
			.query(this::resource)
			.list();
	}

	private Resource resource(ResultSet rs, int row) throws SQLException {
		return new Resource(rs.getString(1), rs.getString(2), rs.getString(3), ResourceKind.valueOf(rs.getString(4)),
				rs.getString(5), rs.getString(6), rs.getString(7), ResourceState.valueOf(rs.getString(8)),
				(Integer) rs.getObject(9), rs.getString(10),
				this.json.readValue(rs.getString(11), new TypeReference<Map<String, Object>>() {
				}), rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant(),
				rs.getTimestamp(15).toInstant());
	}

}
