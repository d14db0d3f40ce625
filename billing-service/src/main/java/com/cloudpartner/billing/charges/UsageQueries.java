package com.cloudpartner.billing.charges;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.ResourceUsage;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a month's usage of an account (optionally of one customer) in the shape rating
 * takes: one part per owner, resource, SKU and meter from the month roll-up; when a price
 * or the contract changes inside the month, the parts are split at those instants from
 * the billable periods and usage records, so that each part is priced as of its time. The
 * parts carry no offer: rating takes it from the entitlement's history at each part's
 * start ({@code EntitlementHistory}).
 */
@Repository
class UsageQueries {

	private static final String CUSTOMER_FILTER = " and (cast(:customer as text) is null or u.customer_id = :customer)";

	private static final String MONTH_CUSTOMER_FILTER = " and (cast(:customer as text) is null or m.customer_id = :customer)";

	/*
	 * The split path's hourly and daily parts: the account's series of the month from the
	 * month roll-up (usage_month_by_account), then each series' periods of the month by a
	 * range of the primary key (series_key, period); the consumer writes both in one
	 * transaction. Billable periods have no index by account and time: it cost the
	 * consumer more than the primary key (decision 0082). The bounds in a scalar
	 * subquery: PostgreSQL casts the text to an array once (an InitPlan) instead of for
	 * every row; with a month's 30 day ends that was 90% of the time of a daily view.
	 */

	static final String HOUR_PARTS = """
			select m.customer_id, m.resource, max(u.entitlement_id), cast(null as text), m.sku, m.meter, 'HOUR', count(*),
			    min(u.hour_start), max(u.hour_start) + interval '1 hour'
			from usage_month m
			join billable_hour u on u.series_key = m.series_key and u.customer_id = m.customer_id
			    and u.hour_start >= :start and u.hour_start < :end
			where m.account_id = :account and m.month = :month"""
			+ MONTH_CUSTOMER_FILTER + " group by m.customer_id, m.resource, m.sku, m.meter, width_bucket(u.hour_start, "
			+ "(select cast(:bounds as timestamptz[])))";

	static final String DAY_PARTS = """
			select m.customer_id, m.resource, max(u.entitlement_id), cast(null as text), m.sku, m.meter, 'DAY', count(*),
			    cast(min(u.day) as timestamp) at time zone :zone, cast(max(u.day) + 1 as timestamp) at time zone :zone
			from usage_month m
			join billable_day u on u.series_key = m.series_key and u.customer_id = m.customer_id
			    and u.day >= cast(:start as timestamptz) at time zone :zone
			    and u.day < cast(:end as timestamptz) at time zone :zone
			where m.account_id = :account and m.month = :month"""
			+ MONTH_CUSTOMER_FILTER
			+ " group by m.customer_id, m.resource, m.sku, m.meter, width_bucket(cast(u.day as timestamp) at time "
			+ "zone :zone, (select cast(:bounds as timestamptz[])))";

	private final JdbcClient jdbc;

	UsageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The usage parts of a month.
	 * @param changes instants inside the month where a price or the contract changes
	 */
	List<ResourceUsage> parts(String accountId, String customerId, BillingMonth month, List<Instant> changes) {
		if (changes.isEmpty()) {
			return this.jdbc
				.sql("""
						select u.customer_id, u.resource, u.entitlement_id, cast(null as text), u.sku, u.meter, u.unit, u.units,
						    u.first_at, u.last_at
						from usage_month u where u.account_id = :account and u.month = :month"""
						+ CUSTOMER_FILTER)
				.param("account", accountId)
				.param("customer", customerId, java.sql.Types.VARCHAR)
				.param("month", month.toString())
				.query(PART)
				.list();
		}
		String bounds = changes.stream()
			.sorted()
			.map((i) -> "\"" + i + "\"")
			.collect(Collectors.joining(",", "{", "}"));
		List<ResourceUsage> parts = new ArrayList<>();
		parts.addAll(split(HOUR_PARTS, accountId, customerId, month, bounds));
		parts.addAll(split(DAY_PARTS, accountId, customerId, month, bounds));
		parts.addAll(
				split("""
						select u.customer_id, u.resource, max(u.entitlement_id), cast(null as text), u.sku, u.meter, max(u.unit),
						    sum(u.quantity), min(u.window_start), max(u.window_end)
						from usage_record u
						where u.account_id = :account and u.unit not in ('HOUR', 'DAY')
						   and u.window_start >= :start and u.window_start < :end"""
						+ CUSTOMER_FILTER
						+ " group by u.customer_id, u.resource, u.sku, u.meter, width_bucket(u.window_start, "
						+ "(select cast(:bounds as timestamptz[])))", accountId, customerId, month, bounds));
		return parts;
	}

	/**
	 * The usage parts of a month of many accounts whose month has no price or contract
	 * change (a billing run's batch), in one query.
	 * @return the parts per account; accounts without usage are absent
	 */
	Map<String, List<ResourceUsage>> monthParts(Collection<String> accountIds, BillingMonth month) {
		Map<String, List<ResourceUsage>> parts = new HashMap<>();
		this.jdbc.sql("""
				select u.customer_id, u.resource, u.entitlement_id, cast(null as text), u.sku, u.meter, u.unit, u.units,
				    u.first_at, u.last_at, u.account_id
				from usage_month u where u.account_id = any(:accounts) and u.month = :month""")
			.param("accounts", accountIds.toArray(String[]::new))
			.param("month", month.toString())
			.query((rs, n) -> parts.computeIfAbsent(rs.getString(11), (a) -> new ArrayList<>()).add(PART.mapRow(rs, n)))
			.list();
		return parts;
	}

	private List<ResourceUsage> split(String sql, String accountId, String customerId, BillingMonth month,
			String bounds) {
		return this.jdbc.sql(sql)
			.param("account", accountId)
			.param("customer", customerId, java.sql.Types.VARCHAR)
			.param("start", month.start().atOffset(ZoneOffset.UTC))
			.param("end", month.end().atOffset(ZoneOffset.UTC))
			.param("zone", month.zone().getId())
			.param("month", month.toString())
			.param("bounds", bounds)
			.query(PART)
			.list();
	}

	private static final RowMapper<ResourceUsage> PART = (rs, n) -> new ResourceUsage(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), MeterUnit.valueOf(rs.getString(7)),
			rs.getBigDecimal(8), rs.getObject(9, OffsetDateTime.class).toInstant(),
			rs.getObject(10, OffsetDateTime.class).toInstant());

}
