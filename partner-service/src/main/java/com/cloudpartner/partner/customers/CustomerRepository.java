package com.cloudpartner.partner.customers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.cloudpartner.partner.paging.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the account has a customer with this user id
	 */
	boolean insert(Customer customer) {
		return this.jdbc.sql("""
				insert into customer (account_id, id, user_id, display_name, email, correlation_id, domain,
				    created_at, updated_at)
				values (:account, :id, :userId, :displayName, :email, :correlationId, :domain, :created, :created)
				on conflict do nothing
				""")
			.param("account", customer.accountId())
			.param("id", customer.id())
			.param("userId", customer.userId())
			.param("displayName", customer.displayName())
			.param("email", customer.email())
			.param("correlationId", customer.correlationId())
			.param("domain", customer.domain())
			.param("created", Timestamp.from(customer.createTime()))
			.update() == 1;
	}

	Optional<Customer> find(String accountId, UUID id) {
		return this.jdbc.sql("select * from customer where account_id = :account and id = :id")
			.param("account", accountId)
			.param("id", id)
			.query(CustomerRepository::map)
			.optional();
	}

	Optional<Customer> findForUpdate(String accountId, UUID id) {
		return this.jdbc.sql("select * from customer where account_id = :account and id = :id for update")
			.param("account", accountId)
			.param("id", id)
			.query(CustomerRepository::map)
			.optional();
	}

	List<Customer> list(String accountId, PageRequest page) {
		String after = page.first() ? "" : "and (created_at, id) > (:after, :afterId) ";
		var spec = this.jdbc
			.sql("select * from customer where account_id = :account " + after + "order by created_at, id limit :limit")
			.param("account", accountId)
			.param("limit", page.size() + 1);
		if (!page.first()) {
			spec = spec.param("after", Timestamp.from(page.after())).param("afterId", UUID.fromString(page.afterId()));
		}
		return spec.query(CustomerRepository::map).list();
	}

	void update(Customer customer) {
		this.jdbc.sql("""
				update customer set display_name = :displayName, email = :email, correlation_id = :correlationId,
				    domain = :domain, updated_at = :updated
				where account_id = :account and id = :id
				""")
			.param("account", customer.accountId())
			.param("id", customer.id())
			.param("displayName", customer.displayName())
			.param("email", customer.email())
			.param("correlationId", customer.correlationId())
			.param("domain", customer.domain())
			.param("updated", Timestamp.from(customer.updateTime()))
			.update();
	}

	void delete(String accountId, UUID id) {
		this.jdbc.sql("delete from customer where account_id = :account and id = :id")
			.param("account", accountId)
			.param("id", id)
			.update();
	}

	private static Customer map(ResultSet rs, int row) throws SQLException {
		return new Customer(rs.getString("account_id"), rs.getObject("id", UUID.class), rs.getString("user_id"),
				rs.getString("display_name"), rs.getString("email"), rs.getString("correlation_id"),
				rs.getString("domain"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
