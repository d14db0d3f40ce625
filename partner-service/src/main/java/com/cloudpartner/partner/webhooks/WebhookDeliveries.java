package com.cloudpartner.partner.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.cloudpartner.partner.paging.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery log: one row per (account, event source, event id). */
@Repository
class WebhookDeliveries {

	private final JdbcClient jdbc;

	WebhookDeliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return false when the event was recorded for this account before
	 */
	boolean insert(String accountId, String source, String eventId, String type, String payload, Instant now) {
		return this.jdbc.sql("""
				insert into webhook_delivery (account_id, id, event_source, event_id, event_type, payload, state,
				    next_attempt_at, created_at)
				values (:account, :id, :source, :eventId, :type, :payload, 'PENDING', :now, :now)
				on conflict (account_id, event_source, event_id) do nothing
				""")
			.param("account", accountId)
			.param("id", UUID.randomUUID())
			.param("source", source)
			.param("eventId", eventId)
			.param("type", type)
			.param("payload", payload)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Takes up to {@code limit} due deliveries and leases them (their next attempt moves
	 * past the lease), so no other instance takes them while they are being sent.
	 */
	List<WebhookDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
		return this.jdbc.sql("""
				update webhook_delivery set next_attempt_at = :lease
				where (account_id, id) in (select account_id, id from webhook_delivery
				    where state = 'PENDING' and next_attempt_at <= :now
				    order by next_attempt_at limit :limit for update skip locked)
				returning *
				""")
			.param("now", Timestamp.from(now))
			.param("lease", Timestamp.from(leaseUntil))
			.param("limit", limit)
			.query(WebhookDeliveries::map)
			.list();
	}

	void delivered(WebhookDelivery delivery, int status, Instant now) {
		this.jdbc.sql("""
				update webhook_delivery set state = 'DELIVERED', attempts = attempts + 1, last_status = :status,
				    last_error = null, last_attempt_at = :now, next_attempt_at = null, delivered_at = :now
				where account_id = :account and id = :id and state = 'PENDING'
				""")
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("account", delivery.accountId())
			.param("id", delivery.id())
			.update();
	}

	void failed(WebhookDelivery delivery, Integer status, String error, Instant now, Instant next) {
		this.jdbc.sql("""
				update webhook_delivery set state = :state, attempts = attempts + 1, last_status = :status,
				    last_error = :error, last_attempt_at = :now, next_attempt_at = :next
				where account_id = :account and id = :id and state = 'PENDING'
				""")
			.param("state", (next != null) ? "PENDING" : "FAILED")
			.param("status", status)
			.param("error", error)
			.param("now", Timestamp.from(now))
			.param("next", (next != null) ? Timestamp.from(next) : null)
			.param("account", delivery.accountId())
			.param("id", delivery.id())
			.update();
	}

	List<WebhookDelivery> list(String accountId, WebhookDelivery.State state, PageRequest page) {
		String filter = (state != null) ? "and state = :state " : "";
		String after = page.first() ? "" : "and (created_at, id::text) > (:after, :afterId) ";
		var spec = this.jdbc
			.sql("select * from webhook_delivery where account_id = :account " + filter + after
					+ "order by created_at, id::text limit :limit")
			.param("account", accountId)
			.param("limit", page.size() + 1);
		if (state != null) {
			spec = spec.param("state", state.name());
		}
		if (!page.first()) {
			spec = spec.param("after", Timestamp.from(page.after())).param("afterId", page.afterId());
		}
		return spec.query(WebhookDeliveries::map).list();
	}

	private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
		int status = rs.getInt("last_status");
		Integer lastStatus = rs.wasNull() ? null : status;
		return new WebhookDelivery(rs.getString("account_id"), rs.getObject("id", UUID.class),
				rs.getString("event_source"), rs.getString("event_id"), rs.getString("event_type"),
				rs.getString("payload"), WebhookDelivery.State.valueOf(rs.getString("state")), rs.getInt("attempts"),
				lastStatus, rs.getString("last_error"), instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"),
				instant(rs, "created_at"), instant(rs, "delivered_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
