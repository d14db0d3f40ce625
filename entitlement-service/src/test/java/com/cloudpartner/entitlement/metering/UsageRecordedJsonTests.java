package com.cloudpartner.entitlement.metering;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** usage.recorded as metering publishes it matches docs/events/usage.recorded.json. */
class UsageRecordedJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDataReadsLikeTheDocumentedExample() throws Exception {
		JsonNode example = this.json.readTree(Files.readString(Path.of("../docs/events/usage.recorded.json")))
			.get("data");
		UsageRecorded usage = new UsageRecorded(example.get("accountId").asString(),
				example.get("customerId").asString(), example.get("entitlementId").asString(),
				example.get("sku").asString(), example.get("meter").asString(), example.get("unit").asString(),
				example.get("quantity").asString(), Instant.parse(example.get("windowStart").asString()),
				Instant.parse(example.get("windowEnd").asString()), example.get("location").asString());
		assertThat((JsonNode) this.json.valueToTree(usage)).isEqualTo(example);
		assertThat(example.get("location").asString()).isEqualTo("kr-central-1");
	}

	@Test
	void anUnknownLocationIsLeftOut() {
		UsageRecorded usage = new UsageRecorded("a", "c", "e", "products/x/skus/y", "vm-hours", "HOUR", "1",
				Instant.parse("2026-11-23T05:00:00Z"), Instant.parse("2026-11-23T06:00:00Z"), null);
		JsonNode data = this.json.valueToTree(usage);
		assertThat(data.has("location")).isFalse();
		assertThat(data.has("labels")).isFalse();
	}

	@Test
	void theIdDependsOnlyOnResourceMeterAndHour() {
		Instant hour = Instant.parse("2026-11-23T05:00:00Z");
		String server = "accounts/a/customers/c/servers/s";
		assertThat(HourlyMeter.eventId(server, "vm-hours", hour))
			.isEqualTo(HourlyMeter.eventId(server, "vm-hours", hour))
			.isNotEqualTo(HourlyMeter.eventId(server, "vm-hours", hour.plusSeconds(3600)))
			.isNotEqualTo(HourlyMeter.eventId(server, "egress-gb", hour))
			.isNotEqualTo(HourlyMeter.eventId(server + "x", "vm-hours", hour));
	}

}
