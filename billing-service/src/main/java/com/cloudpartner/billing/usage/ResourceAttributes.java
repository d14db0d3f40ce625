package com.cloudpartner.billing.usage;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The latest location and labels reported for each resource (optional fields of
 * {@code usage.recorded}), for the billing export. Events without them cost nothing here;
 * a report for an older window never overwrites a newer one.
 */
@Repository
class ResourceAttributes {

	private final JdbcTemplate batch;

	private final JsonMapper json;

	ResourceAttributes(JdbcTemplate batch, JsonMapper json) {
		this.batch = batch;
		this.json = json;
	}

	/** Records the attributes the new events carry; run in the recording transaction. */
	void record(List<UsageEvent> added) {
		List<Object[]> rows = new ArrayList<>();
		added.stream()
			.filter(UsageEvent::hasAttributes)
			// one statement per resource and batch: the newest window wins
			.sorted(Comparator.comparing(UsageEvent::windowEnd))
			.forEach((e) -> rows.add(new Object[] { e.accountId(), e.subject(), e.location(),
					e.labels().isEmpty() ? null : this.json.writeValueAsString(e.labels()),
					e.windowEnd().atOffset(ZoneOffset.UTC) }));
		if (rows.isEmpty()) {
			return;
		}
		this.batch.batchUpdate("""
				insert into resource_attribute (account_id, resource, location, labels, updated_at)
				values (?, ?, ?, ?, ?)
				on conflict (account_id, resource) do update
				set location = coalesce(excluded.location, resource_attribute.location),
				    labels = coalesce(excluded.labels, resource_attribute.labels), updated_at = excluded.updated_at
				where excluded.updated_at >= resource_attribute.updated_at""", rows);
	}

}
