package com.cloudpartner.billing.pricebook;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.CloudEventEnvelope;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.PriceVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden-file tests: billing's own records read entitlement-service's documented events.
 */
class EntitlementEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsOfferPublishedAsPriceVersions() throws Exception {
		CloudEventEnvelope event = parse("offer.published");

		List<PriceVersion> versions = event.data(this.json, EntitlementEventsListener.OfferPublished.class)
			.versions(event);

		assertThat(versions).containsExactly(new PriceVersion("offers/server-basic-2vcpu-4gb-monthly",
				"products/server-basic/skus/basic-2vcpu-4gb", "vm-hours", MeterUnit.HOUR, new BigDecimal("45"), "KRW",
				new BigDecimal("30000"), Instant.parse("2026-01-01T00:00:00Z")));
	}

	@Test
	void readsEntitlementCreatedAndCancelled() throws Exception {
		CloudEventEnvelope created = parse("entitlement.created");
		EntitlementEventsListener.EntitlementChanged entitlement = created.data(this.json,
				EntitlementEventsListener.EntitlementChanged.class);
		CloudEventEnvelope cancelled = parse("entitlement.cancelled");

		assertThat(entitlement.accountId()).isEqualTo("demo-account");
		assertThat(entitlement.entitlementId()).isEqualTo("e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c");
		assertThat(entitlement.offer()).isEqualTo("offers/server-basic-2vcpu-4gb-monthly");
		assertThat(entitlement.state()).isEqualTo("ACTIVE");
		assertThat(cancelled.data(this.json, EntitlementEventsListener.EntitlementChanged.class).state())
			.isEqualTo("CANCELLED");
	}

	@Test
	void readsEveryEntitlementLifecycleEvent() throws Exception {
		for (String type : List.of("entitlement.changed", "entitlement.suspended", "entitlement.activated",
				"entitlement.transferred")) {
			CloudEventEnvelope event = parse(type);
			EntitlementEventsListener.EntitlementChanged data = event.data(this.json,
					EntitlementEventsListener.EntitlementChanged.class);
			data.check(event);
			assertThat(data.stateOr(type)).as(type).isNotBlank();
		}
		EntitlementEventsListener.EntitlementChanged transferred = parse("entitlement.transferred").data(this.json,
				EntitlementEventsListener.EntitlementChanged.class);
		assertThat(transferred.accountId()).isEqualTo("acct-b");
		assertThat(transferred.previous()).hasValueSatisfying(
				(from) -> assertThat(from).containsExactly("demo-account", "e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c"));
		assertThat(parse("entitlement.suspended").data(this.json, EntitlementEventsListener.EntitlementChanged.class)
			.state()).isEqualTo("SUSPENDED");
	}

	private CloudEventEnvelope parse(String type) throws Exception {
		return CloudEventEnvelope.parse(this.json, Files.readString(Path.of("../docs/events/" + type + ".json")));
	}

}
