package com.cloudpartner.entitlement.jobs;

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

/** The job table: the queue and the history. */
@Repository
public class Jobs {

	private static final String COLUMNS = "account_id, id, customer_id, type, target, resource_id, state, "
			+ "requested_by, payload::text, attempts, error_code, error_message, create_time, start_time, finish_time";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Jobs(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Queues a job; must run in the transaction of the request that asks for it. */
	public void insert(Job job) {
		this.jdbc.sql("""
				insert into job (account_id, id, customer_id, type, target, resource_id, state, requested_by, payload,
				    attempts, create_time) values (:account, :id, :customer, :type, :target, :resource, :state,
				    :requestedBy, cast(:payload as jsonb), 0, :createTime)""")
			.param("account", job.accountId())
			.param("id", job.id())
			.param("customer", job.customerId())
			.param("type", job.type())
			.param("target", job.target())
			.param("resource", job.resourceId())
			.param("state", job.state().name())
			.param("requestedBy", job.requestedBy())
			.param("payload", this.json.writeValueAsString(job.payload()))
			.param("createTime", Timestamp.from(job.createTime()))
			.update();
	}

	/** Whether a job on the resource is queued or running. */
	public boolean pending(String resourceId) {
		return this.jdbc
			.sql("select exists (select 1 from job where resource_id = :id and state in ('QUEUED', 'RUNNING'))")
			.param("id", resourceId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Moves a resource's jobs to its new owner after a customer transfer, renaming their
	 * targets from the old customer's prefix to the new one's.
	 */
	public void move(String resourceId, String fromPrefix, String toAccount, String toCustomer, String toPrefix) {
		this.jdbc.sql("""
				update job set account_id = :account, customer_id = :customer,
				    target = case when starts_with(target, :from) then :to || substr(target, length(:from) + 1)
				        else target end
				where resource_id = :id""")
			.param("account", toAccount)
			.param("customer", toCustomer)
			.param("from", fromPrefix)
			.param("to", toPrefix)
			.param("id", resourceId)
			.update();
	}

	/**
	 * Claims up to {@code limit} queued jobs, oldest first, skipping those another runner
	 * holds.
	 */
	List<Job> claim(int limit, Instant now) {
		return this.jdbc
			.sql("update job set state = 'RUNNING', start_time = :now, attempts = attempts + 1 "
					+ "where (account_id, id) in (select account_id, id from job where state = 'QUEUED' "
					+ "order by create_time limit :limit for update skip locked) returning " + COLUMNS)
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(this::job)
			.list();
	}

	/** RUNNING jobs started before the cut-off: their runner died or hangs. */
	List<Job> stale(Instant startedBefore) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ " from job where state = 'RUNNING' and start_time < :cutoff for update skip locked")
			.param("cutoff", Timestamp.from(startedBefore))
			.query(this::job)
			.list();
	}

	void requeue(Job job) {
		this.jdbc.sql("update job set state = 'QUEUED' where account_id = :account and id = :id and state = 'RUNNING'")
			.param("account", job.accountId())
			.param("id", job.id())
			.update();
	}

	/**
	 * Finishes a RUNNING job; false when it is no longer running (another runner finished
	 * it).
	 */
	boolean finish(Job job, JobState state, String errorCode, String errorMessage, Instant now) {
		return this.jdbc.sql("""
				update job set state = :state, error_code = :code, error_message = :message, finish_time = :now
				where account_id = :account and id = :id and state = 'RUNNING' and attempts = :attempts""")
			.param("state", state.name())
			.param("code", errorCode)
			.param("message", errorMessage)
			.param("now", Timestamp.from(now))
			.param("account", job.accountId())
			.param("id", job.id())
			.param("attempts", job.attempts())
			.update() == 1;
	}

	public Optional<Job> find(String accountId, String id) {
		return this.jdbc.sql("select " + COLUMNS + " from job where account_id = :account and id = :id")
			.param("account", accountId)
			.param("id", id)
			.query(this::job)
			.optional();
	}

	/**
	 * The history, newest first, filtered by customer, resource name and state where
	 * given.
	 */
	Page<Job> list(String accountId, String customerId, String target, JobState state, PageRequest page) {
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
		List<Job> rows = this.jdbc.sql("select " + COLUMNS + """
				 from job where account_id = :account
				and (cast(:customer as text) is null or customer_id = :customer)
				and (cast(:target as text) is null or target = :target or target like :targetPrefix)
				and (cast(:state as text) is null or state = :state)
				and (:first or (create_time, id) < (:beforeTime, :beforeId))
				order by create_time desc, id desc limit :limit""")
			.param("account", accountId)
			.param("customer", customerId, java.sql.Types.VARCHAR)
			.param("target", target, java.sql.Types.VARCHAR)
			.param("targetPrefix", (target != null) ? target + "/%" : null, java.sql.Types.VARCHAR)
			.param("state", (state != null) ? state.name() : null, java.sql.Types.VARCHAR)
			.param("first", page.first())
			.param("beforeTime", Timestamp.from(beforeTime))
			.param("beforeId", beforeId)
			.param("limit", page.fetchSize())
			.query(this::job)
			.list();
		return page.page(rows, (j) -> List.of(j.createTime().toString(), j.id()));
	}

	private Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), JobState.valueOf(rs.getString(7)), rs.getString(8),
				this.json.readValue(rs.getString(9), new TypeReference<Map<String, Object>>() {
				}), rs.getInt(10), rs.getString(11), rs.getString(12), instant(rs, 13), instant(rs, 14),
				instant(rs, 15));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
