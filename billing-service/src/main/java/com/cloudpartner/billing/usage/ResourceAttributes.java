package com.cloudpartner.billing.usage;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
		// one row per resource and batch: the newest window's values win, field by field
		Map<List<String>, Object[]> latest = new LinkedHashMap<>();
		added.stream()
			.filter(UsageEvent::hasAttributes)
			.sorted(Comparator.comparing(UsageEvent::windowEnd))
			.forEach((e) -> latest.merge(List.of(e.accountId(), e.subject()), row(e), ResourceAttributes::newer));
		List<Object[]> rows = new ArrayList<>(latest.values());
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

	private Object[] row(UsageEvent e) {
		return new Object[] { e.accountId(), e.subject(), e.location(),
				e.labels().isEmpty() ? null : this.json.writeValueAsString(e.labels()),
				e.windowEnd().atOffset(ZoneOffset.UTC) };
	}

	private static Object[] newer(Object[] older, Object[] newer) {
		return new Object[] { newer[0], newer[1], (newer[2] != null) ? newer[2] : older[2],
				(newer[3] != null) ? newer[3] : older[3], newer[4] };
	}

}
