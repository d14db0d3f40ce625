package com.cloudpartner.partner.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.partner.paging.PageRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what to whom and when: written in the transaction of the change, listed by
 * operators.
 */
@Component
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param actor who (the token's subject)
	 * @param action what, e.g. {@code partner-application.approved}
	 * @param target whom, a resource name such as {@code accounts/a1}
	 * @param details what else matters (a reason, a contract)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, String target, Map<String, ?> details) {
		this.jdbc.sql("""
				insert into audit_log (id, time, actor, action, target, details)
				values (:id, :time, :actor, :action, :target, cast(:details as jsonb))
				""")
			.param("id", UUID.randomUUID())
			.param("time", Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("actor", actor)
			.param("action", action)
			.param("target", target)
			.param("details", this.json.writeValueAsString(details))
			.update();
	}

	public PageRequest.Page<Entry> list(String target, PageRequest page) {
		String where = (target != null) ? "where target = :target " : "where true ";
		String after = page.first() ? "" : "and (time, id::text) > (:after, :afterId) ";
		var spec = this.jdbc.sql("select * from audit_log " + where + after + "order by time, id::text limit :limit")
			.param("limit", page.size() + 1);
		if (target != null) {
			spec = spec.param("target", target);
		}
		if (!page.first()) {
			spec = spec.param("after", Timestamp.from(page.after())).param("afterId", page.afterId());
		}
		List<Entry> rows = spec
			.query((rs, n) -> new Entry(rs.getString("id"), rs.getTimestamp("time").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("target"),
					this.json.readValue(rs.getString("details"), DETAILS)))
			.list();
		return page.page(rows, Entry::time, Entry::id);
	}

	/** One line of the audit log. */
	public record Entry(String id, Instant time, String actor, String action, String target,
			Map<String, Object> details) {
	}

}
