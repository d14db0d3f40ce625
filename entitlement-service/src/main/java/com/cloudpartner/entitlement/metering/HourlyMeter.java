package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Meter;
import com.cloudpartner.entitlement.catalog.Sku;
import com.cloudpartner.entitlement.catalog.Unit;
import com.cloudpartner.entitlement.common.Money;
import com.cloudpartner.entitlement.metering.MeteringProperties.MeterSpec;
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
 * during the hour (from its usage periods) and each owner that held it in the hour (two
 * in the hour a customer is transferred in: HOUR meters count the hour for both, GB
 * meters split it by the time each held it, traffic and request counters go to the owner
 * at the hour's end) it publishes {@code usage.recorded} on usage-events, keyed and
 * subjected by the resource's name, with an id derived from (name, meter, hour), and the
 * resource's location. Buckets are billed on what the provider's counters say they stored
 * and served. The hour is recorded in {@code metered_hour} in the same transaction, so a
 * restart, a second instance or a re-run never publishes an hour twice. On start it
 * catches up on the hours missed while down.
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
		int published = 0;
		for (Overlap o : this.periods.overlapping(hour, hourEnd)) {
			MeterSpec spec = this.properties.meters().get(o.kind());
			String name = name(o);
			if ("BUCKET".equals(o.kind())) {
				published += meterBucket(o, name, spec, hour, hourEnd);
			}
			else if (spec != null) {
				BigDecimal quantity = "GB".equals(spec.unit()) ? share(o, MonthFraction
					.ofHour((o.facts().sizeGb() != null) ? o.facts().sizeGb() : 0, hour, this.properties.billingZone()))
						: BigDecimal.ONE;
				published += publish(o, name, o.facts().sku(), spec.meter(), spec.unit(), quantity, hour, hourEnd);
			}
			if (o.last() && ("SERVER".equals(o.kind()) || "LOAD_BALANCER".equals(o.kind()))) {
				long bytes = this.provider.egressBytes(o.resourceId(), hour, hourEnd);
				var traffic = this.properties.traffic();
				published += publish(o, name, traffic.sku(), traffic.meter(), traffic.unit(),
						BigDecimal.valueOf(bytes).movePointLeft(9), hour, hourEnd);
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
	 * A bucket is billed on the SKU's meters: its GB meter on the most it stored in the
	 * hour (a GB-month spread over the month's hours, like disks), its COUNT meter (if
	 * the SKU has one) on the requests it served.
	 */
	private int meterBucket(Overlap o, String name, MeterSpec fallback, Instant hour, Instant hourEnd) {
		List<Meter> meters = skuMeters(o.facts().sku());
		String storageMeter = meters.stream()
			.filter((m) -> m.unit() == Unit.GB)
			.map(Meter::meter)
			.findFirst()
			.orElse((fallback != null) ? fallback.meter() : null);
		int published = 0;
		if (storageMeter != null) {
			BigDecimal gb = BigDecimal.valueOf(this.provider.storedBytes(o.resourceId(), hour, hourEnd))
				.movePointLeft(9);
			published += publish(o, name, o.facts().sku(), storageMeter, Unit.GB.name(),
					share(o, MonthFraction.ofHour(gb, hour, this.properties.billingZone())), hour, hourEnd);
		}
		for (Meter m : meters) {
			if (m.unit() == Unit.COUNT && o.last()) {
				long requests = this.provider.requests(o.resourceId(), hour, hourEnd);
				published += publish(o, name, o.facts().sku(), m.meter(), Unit.COUNT.name(),
						BigDecimal.valueOf(requests), hour, hourEnd);
			}
		}
		return published;
	}

	/**
	 * An owner's part of a GB quantity in an hour it shared with another owner (the hour
	 * a customer was transferred in): in proportion to the time each held the resource.
	 */
	private static BigDecimal share(Overlap o, BigDecimal quantity) {
		return (o.share().compareTo(BigDecimal.ONE) == 0) ? quantity
				: quantity.multiply(o.share()).setScale(MonthFraction.SCALE, RoundingMode.HALF_EVEN);
	}

	private List<Meter> skuMeters(String skuName) {
		String[] parts = skuName.split("/");
		if (parts.length != 4 || !"products".equals(parts[0]) || !"skus".equals(parts[2])) {
			return List.of();
		}
		return this.catalog.findSku(parts[1], parts[3]).map(Sku::meters).orElse(List.of());
	}

	private int publish(Overlap o, String name, String sku, String meter, String unit, BigDecimal quantity,
			Instant hour, Instant hourEnd) {
		if (quantity.signum() == 0) {
			return 0;
		}
		String id = eventId(name, meter, hour);
		int first = this.jdbc
			.sql("""
					insert into metered_hour (resource_id, meter, hour_start, event_id) values (:resource, :meter, :hour, :id)
					on conflict do nothing""")
			.param("resource", o.resourceId())
			.param("meter", meter)
			.param("hour", Timestamp.from(hour))
			.param("id", id)
			.update();
		if (first == 0) {
			return 0;
		}
		UsageRecorded data = new UsageRecorded(o.facts().accountId(), o.facts().customerId(), o.facts().entitlementId(),
				sku, meter, unit, Money.plain(quantity), hour, hourEnd,
				(o.facts().location() != null) ? o.facts().location() : this.defaultLocation);
		this.outbox.append(TOPIC, name,
				new CloudEvent("1.0", id, SOURCE, "usage.recorded", name, hourEnd, "application/json", null, data));
		return 1;
	}

	/** The same resource, meter and hour always give the same id. */
	public static String eventId(String resourceName, String meter, Instant hourStart) {
		return UUID.nameUUIDFromBytes((resourceName + "|" + meter + "|" + hourStart).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	private static String name(Overlap o) {
		ResourceKind kind = ResourceKind.valueOf(o.kind());
		return "accounts/" + o.facts().accountId() + "/customers/" + o.facts().customerId() + "/" + kind.segment() + "/"
				+ o.resourceId();
	}

	private Optional<Instant> watermark() {
		return this.jdbc.sql("select metered_to from metering_watermark where id = 1")
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

}
