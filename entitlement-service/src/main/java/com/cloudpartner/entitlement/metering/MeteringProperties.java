package com.cloudpartner.entitlement.metering;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.metering.*}: what each kind of resource is metered on and when hours
 * are metered.
 *
 * @param enabled whether the hourly meter runs at all
 * @param billingZone the zone whose calendar months GB meters spread a GB-month over
 * @param settleTime how long after an hour ends it is metered (lets late job commits
 * land)
 * @param lookback how far before the last metered hour each run looks again
 * @param meters per kind (SERVER, DISK, ...), the meter and unit; kinds without one are
 * free
 * @param traffic the SKU, meter and unit of internet egress
 */
@ConfigurationProperties("platform.metering")
public record MeteringProperties(@DefaultValue("true") boolean enabled, @DefaultValue("Asia/Seoul") ZoneId billingZone,
		@DefaultValue("5m") Duration settleTime, @DefaultValue("2h") Duration lookback, Map<String, MeterSpec> meters,
		@DefaultValue Traffic traffic) {

	private static final Map<String, MeterSpec> DEFAULTS = Map.of("SERVER", new MeterSpec("vm-hours", "HOUR"), "DISK",
			new MeterSpec("disk-gb", "GB"), "SNAPSHOT", new MeterSpec("snapshot-gb", "GB"), "IMAGE",
			new MeterSpec("image-gb", "GB"), "PUBLIC_IP", new MeterSpec("ip-hours", "HOUR"), "LOAD_BALANCER",
			new MeterSpec("lb-hours", "HOUR"), "BUCKET", new MeterSpec("storage-gb", "GB"));

	public MeteringProperties {
		Map<String, MeterSpec> merged = new HashMap<>(DEFAULTS);
		if (meters != null) {
			merged.putAll(meters);
		}
		meters = Map.copyOf(merged);
	}

	/**
	 * A meter.
	 *
	 * @param meter its name in the catalog, for example {@code vm-hours}
	 * @param unit HOUR (one per billable hour) or GB (the size spread over the month)
	 */
	public record MeterSpec(String meter, String unit) {
	}

	/**
	 * Internet egress of servers and load balancers, from the provider's counters.
	 *
	 * @param sku the SKU's resource name
	 * @param meter the meter
	 * @param unit GB
	 */
	public record Traffic(@DefaultValue("products/internet-traffic/skus/egress") String sku,
			@DefaultValue("egress-gb") String meter, @DefaultValue("GB") String unit) {
	}

}
