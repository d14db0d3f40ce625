package com.cloudpartner.entitlement.operation;

import java.sql.Timestamp;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The operation table. */
@Repository
public class Operations {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Operations(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(Operation operation) {
		this.jdbc
			.sql("insert into operation (account_id, id, type, target, done, response, create_time) "
					+ "values (:account, :id, :type, :target, :done, cast(:response as jsonb), :createTime)")
			.param("account", operation.accountId())
			.param("id", operation.id())
			.param("type", operation.type())
			.param("target", operation.target())
			.param("done", operation.done())
			.param("response",
					(operation.response() != null) ? this.json.writeValueAsString(operation.response()) : null)
			.param("createTime", Timestamp.from(operation.createTime()))
			.update();
	}

	Optional<Operation> find(String id) {
		return this.jdbc
			.sql("select id, account_id, type, target, done, response::text, create_time from operation where id = :id")
			.param("id", id)
			.query((rs, n) -> new Operation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getBoolean(5), (rs.getString(6) != null) ? this.json.readTree(rs.getString(6)) : null,
					rs.getTimestamp(7).toInstant()))
			.optional();
	}

}
