package com.cloudpartner.partner.clients;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.cloudpartner.partner.paging.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository {

	private final JdbcClient jdbc;

	ApiClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String clientId) {
		return this.jdbc.sql("select * from api_client where client_id = :id")
			.param("id", clientId)
			.query((rs, n) -> new Stored(map(rs), rs.getString("secret_hash")))
			.optional();
	}

	List<ApiClient> list(String accountId, PageRequest page) {
		String after = page.first() ? "" : "and (created_at, client_id) > (:after, :afterId) ";
		var spec = this.jdbc
			.sql("select * from api_client where account_id = :account " + after
					+ "order by created_at, client_id limit :limit")
			.param("account", accountId)
			.param("limit", page.size() + 1);
		if (!page.first()) {
			spec = spec.param("after", Timestamp.from(page.after())).param("afterId", page.afterId());
		}
		return spec.query((rs, n) -> map(rs)).list();
	}

	/**
	 * @return false when the client id is taken
	 */
	boolean insert(ApiClient client, String secretHash) {
		return this.jdbc.sql("""
				insert into api_client (client_id, account_id, secret_hash, allowed_scopes, default_scope,
				    description, state, created_at)
				values (:id, :account, :hash, :allowed, :default, :description, 'ACTIVE', :created)
				on conflict do nothing
				""")
			.param("id", client.clientId())
			.param("account", client.accountId())
			.param("hash", secretHash)
			.param("allowed", String.join(" ", client.allowedScopes()))
			.param("default", String.join(" ", client.defaultScopes()))
			.param("description", client.description())
			.param("created", Timestamp.from(client.createTime()))
			.update() == 1;
	}

	/** Makes the configured bootstrap client what the configuration says. */
	void overwrite(ApiClient client, String secretHash) {
		this.jdbc.sql("""
				update api_client set secret_hash = :hash, allowed_scopes = :allowed, default_scope = :default,
				    state = 'ACTIVE', revoked_at = null
				where client_id = :id
				""")
			.param("id", client.clientId())
			.param("hash", secretHash)
			.param("allowed", String.join(" ", client.allowedScopes()))
			.param("default", String.join(" ", client.defaultScopes()))
			.update();
	}

	int revoke(String accountId, String clientId, Instant now) {
		return this.jdbc.sql("""
				update api_client set state = 'REVOKED', revoked_at = coalesce(revoked_at, :now)
				where account_id = :account and client_id = :id
				""").param("account", accountId).param("id", clientId).param("now", Timestamp.from(now)).update();
	}

	private static ApiClient map(ResultSet rs) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new ApiClient(rs.getString("client_id"), rs.getString("account_id"),
				new LinkedHashSet<>(split(rs.getString("allowed_scopes"))), split(rs.getString("default_scope")),
				rs.getString("description"), ApiClient.State.valueOf(rs.getString("state")),
				rs.getTimestamp("created_at").toInstant(), (revoked != null) ? revoked.toInstant() : null);
	}

	private static List<String> split(String scopes) {
		return Arrays.stream(scopes.trim().split("\\s+")).filter((s) -> !s.isEmpty()).toList();
	}

	record Stored(ApiClient client, String secretHash) {
	}

}
