package com.cloudpartner.entitlement.partner;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.partner.PartnerEvents.CustomerCreated;
import com.cloudpartner.entitlement.partner.PartnerEvents.CustomerDeleted;
import com.cloudpartner.entitlement.partner.PartnerEvents.Envelope;
import com.cloudpartner.entitlement.partner.PartnerEvents.PartnerApproved;
import com.cloudpartner.entitlement.partner.PartnerEvents.PartnerStateChanged;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden files: this service reads partner-service's documented events. */
class PartnerEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsPartnerApproved() throws Exception {
		Envelope event = envelope("partner.approved");
		PartnerApproved data = this.json.treeToValue(event.data(), PartnerApproved.class);
		assertThat(event.source()).isEqualTo("/partner-service");
		assertThat(data.accountId()).isEqualTo("demo-account");
		assertThat(data.publicId()).isEqualTo("DEMO-0001");
		assertThat(data.contract().currencyCode()).isEqualTo("KRW");
		assertThat(data.billingAccounts()).singleElement().satisfies((b) -> {
			assertThat(b.id()).isEqualTo("demo-krw");
			assertThat(b.currencyCode()).isEqualTo("KRW");
			assertThat(b.regionCode()).isEqualTo("KR");
		});
	}

	@Test
	void readsPartnerSuspendedAndCustomerEvents() throws Exception {
		assertThat(this.json.treeToValue(envelope("partner.suspended").data(), PartnerStateChanged.class))
			.isEqualTo(new PartnerStateChanged("demo-account", "SUSPENDED"));
		assertThat(this.json.treeToValue(envelope("customer.created").data(), CustomerCreated.class)).isEqualTo(
				new CustomerCreated("demo-account", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "alice01", "Alice Kim"));
		assertThat(this.json.treeToValue(envelope("customer.deleted").data(), CustomerDeleted.class))
			.isEqualTo(new CustomerDeleted("demo-account", "7c9e6679-7425-40de-944b-e07fc1f90ae7"));
	}

	private Envelope envelope(String type) throws Exception {
		return this.json.readValue(Files.readString(Path.of("../docs/events/" + type + ".json")), Envelope.class);
	}

}
