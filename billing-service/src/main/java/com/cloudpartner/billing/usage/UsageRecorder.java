package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.billing.config.BillingProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores consumed usage. The usage record's unique (account, source, id) makes a
 * redelivered event a no-op, and a known id with another payload a recorded conflict that
 * is never applied; billable hours and days are unique per resource, SKU and meter, so
 * that overlapping windows of different events never count an hour twice either. The
 * month roll-up ({@code usage_month}) grows only by the periods that were new.
 */
@Service
class UsageRecorder {

	private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

	private final JdbcClient jdbc;

	private final ZoneId zone;

	UsageRecorder(JdbcClient jdbc, BillingProperties properties) {
		this.jdbc = jdbc;
		this.zone = properties.zone();
	}

	/** What became of a consumed event. */
	enum Outcome {

		RECORDED, DUPLICATE, CONFLICT

	}

	/**
	 * Records one event.
	 * @return whether it was new, a repeat, or a conflicting repeat
	 */
	@Transactional
	Outcome record(UsageEvent event) {
		String hash = fingerprint(event);
		boolean first = this.jdbc.sql("""
				insert into usage_record (account_id, customer_id, entitlement_id, resource, sku, meter, unit, quantity,
				    window_start, window_end, source, event_id, payload_hash)
				values (:account, :customer, :entitlement, :resource, :sku, :meter, :unit, :quantity,
				    :windowStart, :windowEnd, :source, :id, :hash)
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
			.param("hash", hash)
			.update() == 1;
		if (!first) {
			return conflictOrDuplicate(event, hash);
		}
		switch (event.unit()) {
			case HOUR -> {
				if (event.isBillable()) {
					recordHours(event);
				}
			}
			case DAY -> {
				if (event.isBillable()) {
					recordDays(event);
				}
			}
			default -> recordQuantity(event);
		}
		return Outcome.RECORDED;
	}

	private Outcome conflictOrDuplicate(UsageEvent event, String hash) {
		String known = this.jdbc
			.sql("select payload_hash from usage_record where account_id = :account and source = :source "
					+ "and event_id = :id")
			.param("account", event.accountId())
			.param("source", event.source())
			.param("id", event.id())
			.query(String.class)
			.optional()
			.orElse(null);
		if (known == null || known.equals(hash)) {
			return Outcome.DUPLICATE;
		}
		this.jdbc.sql("""
				insert into usage_conflict (account_id, source, event_id, payload_hash, payload)
				values (:account, :source, :id, :hash, :payload) on conflict do nothing""")
			.param("account", event.accountId())
			.param("source", event.source())
			.param("id", event.id())
			.param("hash", hash)
			.param("payload", canonical(event))
			.update();
		log.warn("Usage event {} from {} repeats a known id with another payload: recorded as a conflict, not applied",
				event.id(), event.source());
		return Outcome.CONFLICT;
	}

	private void recordHours(UsageEvent event) {
		this.jdbc
			.sql("""
					with added as (
					    insert into billable_hour (account_id, resource, sku, meter, hour_start, customer_id, entitlement_id)
					    select :account, :resource, :sku, :meter, h, :customer, :entitlement
					    from generate_series(cast(:first as timestamptz), cast(:last as timestamptz), interval '1 hour') h
					    on conflict do nothing
					    returning hour_start)
					insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
					    units, first_at, last_at)
					select :account, to_char(hour_start at time zone :zone, 'YYYY-MM'), :customer, :resource, :sku, :meter,
					    'HOUR', :entitlement, count(*), min(hour_start), max(hour_start) + interval '1 hour'
					from added group by 2"""
					+ ROLL_UP)
			.param("first", BillablePeriods.firstHour(event.windowStart(), this.zone).atOffset(ZoneOffset.UTC))
			.param("last", BillablePeriods.lastHour(event.windowEnd(), this.zone).atOffset(ZoneOffset.UTC))
			.param("zone", this.zone.getId())
			.params(keys(event))
			.update();
	}

	private void recordDays(UsageEvent event) {
		this.jdbc
			.sql("""
					with added as (
					    insert into billable_day (account_id, resource, sku, meter, day, customer_id, entitlement_id)
					    select :account, :resource, :sku, :meter, cast(d as date), :customer, :entitlement
					    from generate_series(cast(:first as date), cast(:last as date), interval '1 day') d
					    on conflict do nothing
					    returning day)
					insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
					    units, first_at, last_at)
					select :account, to_char(day, 'YYYY-MM'), :customer, :resource, :sku, :meter, 'DAY', :entitlement,
					    count(*), cast(min(day) as timestamp) at time zone :zone, cast(max(day) + 1 as timestamp) at time zone :zone
					from added group by 2"""
					+ ROLL_UP)
			.param("first", BillablePeriods.firstDay(event.windowStart(), this.zone))
			.param("last", BillablePeriods.lastDay(event.windowEnd(), this.zone))
			.param("zone", this.zone.getId())
			.params(keys(event))
			.update();
	}

	/** Quantity meters belong to the month in which their window starts. */
	private void recordQuantity(UsageEvent event) {
		this.jdbc.sql("""
				insert into usage_month (account_id, month, customer_id, resource, sku, meter, unit, entitlement_id,
				    units, first_at, last_at)
				values (:account, to_char(cast(:start as timestamptz) at time zone :zone, 'YYYY-MM'), :customer,
				    :resource, :sku, :meter, :unit, :entitlement, :quantity, :start, :end)""" + ROLL_UP)
			.param("start", event.windowStart().atOffset(ZoneOffset.UTC))
			.param("end", event.windowEnd().atOffset(ZoneOffset.UTC))
			.param("zone", this.zone.getId())
			.param("unit", event.unit().name())
			.param("quantity", event.quantity())
			.params(keys(event))
			.update();
	}

	private static final String ROLL_UP = """

			on conflict (account_id, month, customer_id, resource, sku, meter) do update
			set units = usage_month.units + excluded.units, first_at = least(usage_month.first_at, excluded.first_at),
			    last_at = greatest(usage_month.last_at, excluded.last_at), entitlement_id = excluded.entitlement_id,
			    updated_at = clock_timestamp()""";

	/** The key columns of a billable period, as named parameters. */
	private static Map<String, Object> keys(UsageEvent event) {
		return Map.of("account", event.accountId(), "resource", event.subject(), "sku", event.sku(), "meter",
				event.meter(), "customer", event.customerId(), "entitlement", event.entitlementId());
	}

	/** What makes two events with the same id the same usage. */
	static String canonical(UsageEvent event) {
		return String.join("|", event.subject(), event.accountId(), event.customerId(), event.entitlementId(),
				event.sku(), event.meter(), event.unit().name(), event.quantity().stripTrailingZeros().toPlainString(),
				event.windowStart().toString(), event.windowEnd().toString());
	}

	static String fingerprint(UsageEvent event) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(canonical(event).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
