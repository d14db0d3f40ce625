package com.cloudpartner.billing.usage;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import com.cloudpartner.billing.config.BillingProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores consumed usage. The usage record's unique (account, source, id) makes a
 * redelivered event a no-op; billable hours and days are unique per resource, SKU and
 * meter, so that overlapping windows of different events never count an hour twice
 * either.
 */
@Service
class UsageRecorder {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	UsageRecorder(JdbcClient jdbc, BillingProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone();
	}

	/**
	 * Records one event.
	 * @return {@code false} when it had been recorded before
	 */
	@Transactional
	boolean record(UsageEvent event) {
		boolean first = this.jdbc.sql("""
				insert into usage_record (account_id, customer_id, entitlement_id, resource, sku, meter, unit, quantity,
				    window_start, window_end, source, event_id)
				values (:account, :customer, :entitlement, :resource, :sku, :meter, :unit, :quantity,
				    :windowStart, :windowEnd, :source, :id)
				on conflict (account_id, source, event_id) do nothing""")
			.param("account", event.accountId())
			.param("customer", event.customerId())
			.param("entitlement", event.entitlementId())
			.param("resource", event.subject())
			.param("sku", event.sku())
			.param("meter", event.meter())
			.param("unit", event.unit().name())
			.param("quantity", event.quantity())
			.param("windowStart", event.windowStart().atOffset(ZoneOffset.UTC))
			.param("windowEnd", event.windowEnd().atOffset(ZoneOffset.UTC))
			.param("source", event.source())
			.param("id", event.id())
			.update() == 1;
		if (first && event.isBillable()) {
			switch (event.unit()) {
				case HOUR -> recordHours(event);
				case DAY -> recordDays(event);
				default -> {
					// quantities are summed from usage_record
				}
			}
		}
		return first;
	}

	private void recordHours(UsageEvent event) {
		this.jdbc.sql("""
				insert into billable_hour (account_id, resource, sku, meter, hour_start, customer_id, entitlement_id)
				select :account, :resource, :sku, :meter, h, :customer, :entitlement
				from generate_series(cast(:first as timestamptz), cast(:last as timestamptz), interval '1 hour') h
				on conflict do nothing""")
			.param("first", BillablePeriods.firstHour(event.windowStart(), this.zone).atOffset(ZoneOffset.UTC))
			.param("last", BillablePeriods.lastHour(event.windowEnd(), this.zone).atOffset(ZoneOffset.UTC))
			.params(keys(event))
			.update();
	}

	private void recordDays(UsageEvent event) {
		this.jdbc.sql("""
				insert into billable_day (account_id, resource, sku, meter, day, customer_id, entitlement_id)
				select :account, :resource, :sku, :meter, cast(d as date), :customer, :entitlement
				from generate_series(cast(:first as date), cast(:last as date), interval '1 day') d
				on conflict do nothing""")
			.param("first", BillablePeriods.firstDay(event.windowStart(), this.zone))
			.param("last", BillablePeriods.lastDay(event.windowEnd(), this.zone))
			.params(keys(event))
			.update();
	}

	/** The key columns of a billable period, as named parameters. */
	private static Map<String, Object> keys(UsageEvent event) {
		return Map.of("account", event.accountId(), "resource", event.subject(), "sku", event.sku(), "meter",
				event.meter(), "customer", event.customerId(), "entitlement", event.entitlementId());
	}

}
