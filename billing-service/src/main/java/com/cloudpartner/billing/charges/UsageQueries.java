package com.cloudpartner.billing.charges;

import java.time.ZoneOffset;
import java.util.List;

import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.QuantityUsage;
import com.cloudpartner.billing.rating.ResourceUsage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads a month's usage of an account (optionally of one customer) in the shape rating
 * takes: billable hours and days counted per resource, quantities summed. The offer comes
 * from the entitlement projection when it is known.
 */
@Repository
class UsageQueries {

	private static final String CUSTOMER_FILTER = " and (cast(:customer as text) is null or u.customer_id = :customer)";

	private final JdbcClient jdbc;

	UsageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ResourceUsage> hours(String accountId, String customerId, BillingMonth month) {
		return this.jdbc
			.sql("""
					select u.customer_id, u.resource, e.offer, u.sku, u.meter, count(*)
					from billable_hour u left join entitlement e
					    on e.account_id = u.account_id and e.entitlement_id = u.entitlement_id
					where u.account_id = :account and u.hour_start >= :start and u.hour_start < :end"""
					+ CUSTOMER_FILTER + " group by u.customer_id, u.resource, e.offer, u.sku, u.meter")
			.param("account", accountId)
			.param("customer", customerId, java.sql.Types.VARCHAR)
			.param("start", month.start().atOffset(ZoneOffset.UTC))
			.param("end", month.end().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new ResourceUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), MeterUnit.HOUR, rs.getLong(6)))
			.list();
	}

	List<ResourceUsage> days(String accountId, String customerId, BillingMonth month) {
		return this.jdbc
			.sql("""
					select u.customer_id, u.resource, e.offer, u.sku, u.meter, count(*)
					from billable_day u left join entitlement e
					    on e.account_id = u.account_id and e.entitlement_id = u.entitlement_id
					where u.account_id = :account and u.day >= :first and u.day < :next""" + CUSTOMER_FILTER
					+ " group by u.customer_id, u.resource, e.offer, u.sku, u.meter")
			.param("account", accountId)
			.param("customer", customerId, java.sql.Types.VARCHAR)
			.param("first", month.month().atDay(1))
			.param("next", month.month().plusMonths(1).atDay(1))
			.query((rs, n) -> new ResourceUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), MeterUnit.DAY, rs.getLong(6)))
			.list();
	}

	/** Quantity meters, attributed to the month in which their window starts. */
	List<QuantityUsage> quantities(String accountId, String customerId, BillingMonth month) {
		return this.jdbc
			.sql("""
					select u.customer_id, e.offer, u.sku, u.meter, u.unit, sum(u.quantity)
					from usage_record u left join entitlement e
					    on e.account_id = u.account_id and e.entitlement_id = u.entitlement_id
					where u.account_id = :account and u.unit not in ('HOUR', 'DAY')
					    and u.window_start >= :start and u.window_start < :end""" + CUSTOMER_FILTER
					+ " group by u.customer_id, e.offer, u.sku, u.meter, u.unit")
			.param("account", accountId)
			.param("customer", customerId, java.sql.Types.VARCHAR)
			.param("start", month.start().atOffset(ZoneOffset.UTC))
			.param("end", month.end().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new QuantityUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					MeterUnit.valueOf(rs.getString(5)), rs.getBigDecimal(6)))
			.list();
	}

}
