package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Meter;
import com.cloudpartner.entitlement.catalog.Sku;
import com.cloudpartner.entitlement.catalog.Unit;
import com.cloudpartner.entitlement.common.Money;
import com.cloudpartner.entitlement.metering.MeteringProperties.MeterSpec;
import com.cloudpartner.entitlement.metering.HourHolders.Holder;
import com.cloudpartner.entitlement.metering.HourHolders.Window;
import com.cloudpartner.entitlement.metering.UsagePeriods.Facts;
import com.cloudpartner.entitlement.metering.UsagePeriods.Overlap;
import com.cloudpartner.entitlement.provider.CloudProvider;
import com.cloudpartner.entitlement.resources.ResourceKind;
import com.cloudpartner.entitlement.resources.ResourcesProperties;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meters every hour that has ended (plus {@code settle-time}): for each resource billable
 * during the hour (from its usage periods) it publishes {@code usage.recorded} on
 * usage-events, keyed and subjected by the resource's name under its owner, with an id
 * derived from (name, meter, hour), and the resource's location. In the hour a customer
 * is transferred in, the resource has two owners ({@link HourHolders}): HOUR and DAY
 * meters bill the hour (day) to the owner at its start only, GB meters are split by the
 * time each held it, traffic and request counters give each what was counted while it
 * held it. Buckets are billed on what the provider's counters say they stored and served.
 * The resource, meter and hour are claimed in {@code metered_hour} in the same
 * transaction, so a restart, a second instance or a re-run never publishes an hour twice.
 * On start it catches up on the hours missed while down.
 */
@Component
public class HourlyMeter {

	static final String SOURCE = "/entitlement-service/metering";

	static final String TOPIC = "usage-events";

	private static final Logger log = LoggerFactory.getLogger(HourlyMeter.class);

	private static final int MAX_HOURS_PER_RUN = 24 * 62;

	private final UsagePeriods periods;

	private final CloudProvider provider;

	private final Outbox outbox;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	private final MeteringProperties properties;

	private final Clock clock;

	private final Catalog catalog;

	private final String defaultLocation;

	HourlyMeter(UsagePeriods periods, CloudProvider provider, Outbox outbox, TransactionTemplate tx, JdbcClient jdbc,
			MeteringProperties properties, Clock clock, Catalog catalog, ResourcesProperties resources) {
		this.catalog = catalog;
		this.defaultLocation = resources.location();
		this.periods = periods;
		this.provider = provider;
		this.outbox = outbox;
		this.tx = tx;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(cron = "${platform.metering.cron:0 */5 * * * *}")
	void scheduled() {
		if (this.properties.enabled()) {
			try {
				meterEndedHours(this.clock);
			}
			catch (RuntimeException ex) {
				log.warn("Metering failed; the next run catches up", ex);
			}
		}
	}

	/**
	 * Meters the hours that ended (plus the settle time) by the clock's now and were not
	 * metered yet.
	 * @return how many usage records were published
	 */
	public int meterEndedHours(Clock at) {
		Instant end = at.instant().minus(this.properties.settleTime()).truncatedTo(ChronoUnit.HOURS);
		Optional<Instant> from = watermark().map((w) -> w.minus(this.properties.lookback()))
			.or(this.periods::earliestStart)
			.map((i) -> i.truncatedTo(ChronoUnit.HOURS));
		int published = 0;
		int hours = 0;
		for (Instant hour = from.orElse(end); hour.isBefore(end)
				&& hours < MAX_HOURS_PER_RUN; hour = hour.plus(Duration.ofHours(1)), hours++) {
			Instant h = hour;
			published += this.tx.execute((status) -> meterHour(h));
		}
		return published;
	}

	private int meterHour(Instant hour) {
		Instant hourEnd = hour.plus(Duration.ofHours(1));
		Map<String, Facts> dayOwners = null;
		int published = 0;
		for (Overlap o : this.periods.overlapping(hour, hourEnd)) {
			MeterSpec spec = this.properties.meters().get(o.kind());
			if ("BUCKET".equals(o.kind())) {
				published += meterBucket(o, spec, hour, hourEnd);
			}
			else if (spec != null && "GB".equals(spec.unit())) {
				published += publish(o, spec.meter(), hour, hourEnd, o.holders(), (h) -> h.facts().sku(), spec.unit(),
						gbParts(o, hour));
			}
			else if (spec != null) {
				Facts periodOwner = null;
				if ("DAY".equals(spec.unit())) {
					if (dayOwners == null) {
						dayOwners = this.periods.firstOwners(startOfDay(hour), hourEnd);
					}
					periodOwner = dayOwners.get(o.resourceId());
				}
				Holder billed = HourHolders.periodHolder(o.holders(), periodOwner);
				if (billed != null) {
					published += publish(o, spec.meter(), hour, hourEnd, List.of(billed), (h) -> h.facts().sku(),
							spec.unit(), List.of(BigDecimal.ONE));
				}
			}
			if ("SERVER".equals(o.kind()) || "LOAD_BALANCER".equals(o.kind())) {
				var traffic = this.properties.traffic();
				List<BigDecimal> gb = o.holders()
					.stream()
					.map((h) -> BigDecimal.valueOf(counted(h, this.provider::egressBytes, o.resourceId()))
						.movePointLeft(9))
					.toList();
				published += publish(o, traffic.meter(), hour, hourEnd, o.holders(), (h) -> traffic.sku(),
						traffic.unit(), gb);
			}
		}
		this.jdbc
			.sql("""
					insert into metering_watermark (id, metered_to) values (1, :to)
					on conflict (id) do update set metered_to = greatest(metering_watermark.metered_to, excluded.metered_to)""")
			.param("to", Timestamp.from(hourEnd))
			.update();
		return published;
	}

	/**
	 * The GB quantities of a disk, snapshot or image in the hour, per holder: its size's
	 * share of the month in proportion to the time it held it (the whole hour's share if
	 * it did not change owner).
	 */
	private List<BigDecimal> gbParts(Overlap o, Instant hour) {
		List<BigDecimal> parts = new ArrayList<>();
		for (int k = 0; k < o.holders().size(); k++) {
			Holder h = o.holders().get(k);
			BigDecimal whole = MonthFraction.ofHour((h.facts().sizeGb() != null) ? h.facts().sizeGb() : 0, hour,
					this.properties.billingZone());
			parts.add(HourHolders.split(whole, o.holders()).get(k));
		}
		return parts;
	}

	/**
	 * A bucket is billed on the SKU's meters: its GB meter on the most it stored in the
	 * hour (a GB-month spread over the month's hours, like disks; split among owners by
	 * the time each held it), its COUNT meter (if the SKU has one) on the requests it
	 * served (each owner those served while it held it).
	 */
	private int meterBucket(Overlap o, MeterSpec fallback, Instant hour, Instant hourEnd) {
		String sku = o.holders().get(0).facts().sku();
		List<Meter> meters = skuMeters(sku);
		String storageMeter = meters.stream()
			.filter((m) -> m.unit() == Unit.GB)
			.map(Meter::meter)
			.findFirst()
			.orElse((fallback != null) ? fallback.meter() : null);
		int published = 0;
		if (storageMeter != null) {
			BigDecimal gb = BigDecimal.valueOf(this.provider.storedBytes(o.resourceId(), hour, hourEnd))
				.movePointLeft(9);
			published += publish(o, storageMeter, hour, hourEnd, o.holders(), (h) -> h.facts().sku(), Unit.GB.name(),
					HourHolders.split(MonthFraction.ofHour(gb, hour, this.properties.billingZone()), o.holders()));
		}
		for (Meter m : meters) {
			if (m.unit() == Unit.COUNT) {
				List<BigDecimal> requests = o.holders()
					.stream()
					.map((h) -> BigDecimal.valueOf(counted(h, this.provider::requests, o.resourceId())))
					.toList();
				published += publish(o, m.meter(), hour, hourEnd, o.holders(), (h) -> h.facts().sku(),
						Unit.COUNT.name(), requests);
			}
		}
		return published;
	}

	/** What a provider counter counted while the holder held the resource. */
	private static long counted(Holder holder, Counter counter, String resourceId) {
		long sum = 0;
		for (Window w : holder.counted()) {
			sum += counter.count(resourceId, w.from(), w.to());
		}
		return sum;
	}

	private Instant startOfDay(Instant hour) {
		ZoneId zone = this.properties.billingZone();
		return hour.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
	}

	private List<Meter> skuMeters(String skuName) {
		String[] parts = skuName.split("/");
		if (parts.length != 4 || !"products".equals(parts[0]) || !"skus".equals(parts[2])) {
			return List.of();
		}
		return this.catalog.findSku(parts[1], parts[3]).map(Sku::meters).orElse(List.of());
	}

	/**
	 * Publishes a resource's usage on one meter in one hour, one record per holder with a
	 * quantity above zero (holders[k] gets quantities[k]). The row in
	 * {@code metered_hour} claims the resource, meter and hour as a whole, whoever held
	 * it: a re-run, a restart or a second instance never publishes any part of it again,
	 * even under another owner's name.
	 */
	private int publish(Overlap o, String meter, Instant hour, Instant hourEnd, List<Holder> holders,
			Function<Holder, String> sku, String unit, List<BigDecimal> quantities) {
		List<Integer> billed = new ArrayList<>();
		for (int k = 0; k < holders.size(); k++) {
			if (quantities.get(k).signum() != 0) {
				billed.add(k);
			}
		}
		if (billed.isEmpty()) {
			return 0;
		}
		int first = this.jdbc
			.sql("""
					insert into metered_hour (resource_id, meter, hour_start, event_id) values (:resource, :meter, :hour, :id)
					on conflict do nothing""")
			.param("resource", o.resourceId())
			.param("meter", meter)
			.param("hour", Timestamp.from(hour))
			.param("id", eventId(name(o, holders.get(billed.get(0)).facts()), meter, hour))
			.update();
		if (first == 0) {
			return 0;
		}
		for (int k : billed) {
			Facts facts = holders.get(k).facts();
			String name = name(o, facts);
			String id = eventId(name, meter, hour);
			UsageRecorded data = new UsageRecorded(facts.accountId(), facts.customerId(), facts.entitlementId(),
					sku.apply(holders.get(k)), meter, unit, Money.plain(quantities.get(k)), hour, hourEnd,
					(facts.location() != null) ? facts.location() : this.defaultLocation);
			this.outbox.append(TOPIC, name,
					new CloudEvent("1.0", id, SOURCE, "usage.recorded", name, hourEnd, "application/json", null, data));
		}
		return billed.size();
	}

	/** The same resource, meter and hour always give the same id. */
	public static String eventId(String resourceName, String meter, Instant hourStart) {
		return UUID.nameUUIDFromBytes((resourceName + "|" + meter + "|" + hourStart).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	private static String name(Overlap o, Facts owner) {
		ResourceKind kind = ResourceKind.valueOf(o.kind());
		return "accounts/" + owner.accountId() + "/customers/" + owner.customerId() + "/" + kind.segment() + "/"
				+ o.resourceId();
	}

	/** A provider counter over [from, to). */
	@FunctionalInterface
	private interface Counter {

		long count(String resourceId, Instant from, Instant to);

	}

	private Optional<Instant> watermark() {
		return this.jdbc.sql("select metered_to from metering_watermark where id = 1")
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

}
