package com.cloudpartner.entitlement.entitlement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Transfer tokens and the customers imported with them. */
@Repository
class Transfers {

	private final JdbcClient jdbc;

	Transfers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertToken(Token token) {
		this.jdbc
			.sql("insert into transfer_token (token, account_id, customer_id, target_public_id, expire_time, "
					+ "create_time) values (:token, :account, :customer, :target, :expire, :now)")
			.param("token", token.token())
			.param("account", token.accountId())
			.param("customer", token.customerId())
			.param("target", token.targetPublicId())
			.param("expire", Timestamp.from(token.expireTime()))
			.param("now", Timestamp.from(token.createTime()))
			.update();
	}

	/** The token, locked for its single use. */
	Optional<Token> findTokenForUpdate(String token) {
		return this.jdbc
			.sql("select token, account_id, customer_id, target_public_id, expire_time, used_time, create_time "
					+ "from transfer_token where token = :token for update")
			.param("token", token)
			.query((rs, n) -> new Token(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(),
					(rs.getTimestamp(6) != null) ? rs.getTimestamp(6).toInstant() : null,
					rs.getTimestamp(7).toInstant()))
			.optional();
	}

	void markUsed(String token, Instant now) {
		this.jdbc.sql("update transfer_token set used_time = :now where token = :token")
			.param("now", Timestamp.from(now))
			.param("token", token)
			.update();
	}

	void insertImport(Import imported) {
		this.jdbc
			.sql("insert into customer_import (account_id, customer_id, from_account_id, from_customer_id, "
					+ "transfer_token, create_time) values (:account, :customer, :fromAccount, :fromCustomer, "
					+ ":token, :now)")
			.param("account", imported.accountId())
			.param("customer", imported.customerId())
			.param("fromAccount", imported.fromAccountId())
			.param("fromCustomer", imported.fromCustomerId())
			.param("token", imported.transferToken())
			.param("now", Timestamp.from(imported.createTime()))
			.update();
	}

	Optional<Import> importByToken(String token) {
		return findImport("transfer_token = :key", token);
	}

	Optional<Import> importOf(String accountId, String customerId) {
		return this.jdbc
			.sql("select account_id, customer_id, from_account_id, from_customer_id, transfer_token, create_time "
					+ "from customer_import where account_id = :account and customer_id = :customer")
			.param("account", accountId)
			.param("customer", customerId)
			.query((rs, n) -> new Import(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	private Optional<Import> findImport(String condition, String key) {
		return this.jdbc
			.sql("select account_id, customer_id, from_account_id, from_customer_id, transfer_token, create_time "
					+ "from customer_import where " + condition)
			.param("key", key)
			.query((rs, n) -> new Import(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
	}

	/**
	 * A transfer token: the customer of {@code accountId} agrees to move to the partner
	 * with {@code targetPublicId}.
	 */
	record Token(String token, String accountId, String customerId, String targetPublicId, Instant expireTime,
			Instant usedTime, Instant createTime) {

	}

	/** A customer imported under {@code accountId} from another partner's customer. */
	record Import(String accountId, String customerId, String fromAccountId, String fromCustomerId,
			String transferToken, Instant createTime) {

	}

}
