package com.cloudpartner.entitlement.entitlement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementChanged;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementCreated;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementTransferred;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden files: the events come out exactly as docs/events shows them. */
class EntitlementEventsJsonTests {

	private static final String CUSTOMER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

	private static final String ID = "e6f5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c";

	private final JsonMapper json = JsonMapper.builder().build();

	private final Entitlement entitlement = new Entitlement("demo-account", CUSTOMER, ID,
			"server-basic-2vcpu-4gb-monthly", "products/server-basic/skus/basic-2vcpu-4gb", EntitlementState.ACTIVE,
			List.of(), List.of(), "demo-krw", null, Instant.parse("2026-11-23T05:02:00Z"),
			Instant.parse("2026-11-23T05:02:00Z"));

	private final Entitlement office = new Entitlement("demo-account", CUSTOMER, ID, "office-standard-flex",
			"products/office-suite/skus/standard", EntitlementState.ACTIVE, List.of(),
			List.of(new Parameter("maxUnits", 5L)), "demo-krw", null, Instant.parse("2026-11-23T05:02:00Z"),
			Instant.parse("2026-11-23T05:02:00Z"));

	@Test
	void writesEntitlementCreatedAsDocumented() throws Exception {
		assertThat(tree(EntitlementCreated.of(this.entitlement))).isEqualTo(documented("entitlement.created"));
	}

	@Test
	void writesEntitlementCancelledAsDocumented() throws Exception {
		Entitlement cancelled = this.entitlement.cancel(Instant.parse("2026-11-24T05:02:00Z"));
		assertThat(tree(EntitlementChanged.of(cancelled, "CANCEL", "RESELLER_INITIATED")))
			.isEqualTo(documented("entitlement.cancelled"));
	}

	@Test
	void writesSuspendedAndActivatedAsDocumented() throws Exception {
		Entitlement suspended = this.office.suspend(Entitlement.RESELLER_INITIATED,
				Instant.parse("2026-11-24T07:00:00Z"));
		assertThat(tree(EntitlementChanged.of(suspended, "SUSPEND", "RESELLER_INITIATED")))
			.isEqualTo(documented("entitlement.suspended"));
		Entitlement activated = suspended.lift(Entitlement.RESELLER_INITIATED, Instant.parse("2026-11-24T08:00:00Z"));
		assertThat(tree(EntitlementChanged.of(activated, "ACTIVATE", "RESELLER_INITIATED")))
			.isEqualTo(documented("entitlement.activated"));
	}

	@Test
	void writesChangedAsDocumented() throws Exception {
		Entitlement changed = new Entitlement("demo-account", CUSTOMER, ID, "office-standard-annual",
				"products/office-suite/skus/standard", EntitlementState.ACTIVE, List.of(),
				List.of(new Parameter("maxUnits", 10L)), "demo-krw", null, Instant.parse("2026-11-23T05:02:00Z"),
				Instant.parse("2026-11-24T06:00:00Z"));
		assertThat(tree(EntitlementChanged.of(changed, "CHANGE_OFFER", null)))
			.isEqualTo(documented("entitlement.changed"));
	}

	@Test
	void writesTransferredAsDocumented() throws Exception {
		Instant at = Instant.parse("2026-11-25T03:00:00Z");
		Entitlement from = new Entitlement("demo-account", CUSTOMER, ID, "iaas-payg", "products/iaas/skus/payg",
				EntitlementState.CANCELLED, List.of(), List.of(), "demo-krw", null, at, at);
		Entitlement to = new Entitlement("acct-b", "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
				"9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d", "iaas-payg", "products/iaas/skus/payg", EntitlementState.ACTIVE,
				List.of(), List.of(), "krw", null, at, at);
		assertThat(tree(EntitlementTransferred.of(from, to, at))).isEqualTo(documented("entitlement.transferred"));
	}

	@Test
	void suspensionReasonsStackAndActivateLiftsOnlyTheResellers() {
		Instant now = Instant.parse("2026-11-24T07:00:00Z");
		Entitlement both = this.office.suspend(Entitlement.PAYMENT_OVERDUE, now)
			.suspend(Entitlement.RESELLER_INITIATED, now);
		Entitlement lifted = both.lift(Entitlement.RESELLER_INITIATED, now);
		assertThat(lifted.state()).isEqualTo(EntitlementState.SUSPENDED);
		assertThat(lifted.suspensionReasons()).containsExactly(Entitlement.PAYMENT_OVERDUE);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> lifted.lift(Entitlement.RESELLER_INITIATED, now))
			.hasMessageContaining("not suspended by the reseller");
	}

	private JsonNode tree(Object data) {
		// through text, as a consumer reads it: numbers compare by value, not by Java
		// type
		return this.json.readTree(this.json.writeValueAsString(data));
	}

	private JsonNode documented(String type) throws Exception {
		return this.json.readTree(Files.readString(Path.of("../docs/events/" + type + ".json"))).get("data");
	}

}
