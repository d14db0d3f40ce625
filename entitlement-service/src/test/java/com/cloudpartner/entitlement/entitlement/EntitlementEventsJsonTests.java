package com.cloudpartner.entitlement.entitlement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementCancelled;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementCreated;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden files: the events come out exactly as docs/events shows them. */
class EntitlementEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Entitlement entitlement = new Entitlement("demo-account", "7c9e6679-7425-40de-944b-e07fc1f90ae7",
			"e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", "server-basic-2vcpu-4gb-monthly",
			"products/server-basic/skus/basic-2vcpu-4gb", EntitlementState.ACTIVE, List.of(), List.of(), "demo-krw",
			null, Instant.parse("2026-11-23T05:02:00Z"), Instant.parse("2026-11-23T05:02:00Z"));

	@Test
	void writesEntitlementCreatedAsDocumented() throws Exception {
		assertThat((JsonNode) this.json.valueToTree(EntitlementCreated.of(this.entitlement)))
			.isEqualTo(documented("entitlement.created"));
	}

	@Test
	void writesEntitlementCancelledAsDocumented() throws Exception {
		Entitlement cancelled = this.entitlement.cancel(Instant.parse("2026-11-24T05:02:00Z"));
		assertThat((JsonNode) this.json.valueToTree(EntitlementCancelled.of(cancelled)))
			.isEqualTo(documented("entitlement.cancelled"));
	}

	private JsonNode documented(String type) throws Exception {
		return this.json.readTree(Files.readString(Path.of("../docs/events/" + type + ".json"))).get("data");
	}

}
