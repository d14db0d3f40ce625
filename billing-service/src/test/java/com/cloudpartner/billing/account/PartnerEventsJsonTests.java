package com.cloudpartner.billing.account;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.CloudEventEnvelope;
import com.cloudpartner.billing.config.PoisonEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Golden-file tests: billing's own records read partner-service's documented events. */
class PartnerEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void readsPartnerApproved() throws Exception {
		CloudEventEnvelope event = CloudEventEnvelope.parse(this.json, example("partner.approved"));
		PartnerEventsListener.PartnerApproved approved = event.data(this.json,
				PartnerEventsListener.PartnerApproved.class);
		approved.check(event);

		assertThat(event.type()).isEqualTo("partner.approved");
		assertThat(approved.accountId()).isEqualTo("demo-account");
		assertThat(approved.state()).isEqualTo("ACTIVE");
		assertThat(approved.contract().supplyDiscountPercent()).isEqualByComparingTo("20");
		assertThat(approved.contract().currencyCode()).isEqualTo("KRW");
		assertThat(approved.contract().reference()).isEqualTo("LOCAL-DEMO");
	}

	@Test
	void readsPartnerSuspended() throws Exception {
		CloudEventEnvelope event = CloudEventEnvelope.parse(this.json, example("partner.suspended"));
		PartnerEventsListener.PartnerStateChanged changed = event.data(this.json,
				PartnerEventsListener.PartnerStateChanged.class);

		assertThat(changed.accountId()).isEqualTo("demo-account");
		assertThat(changed.state()).isEqualTo("SUSPENDED");
	}

	@Test
	void readsCustomerCreatedAndDeleted() throws Exception {
		CloudEventEnvelope event = CloudEventEnvelope.parse(this.json, example("customer.created"));
		PartnerEventsListener.CustomerCreated created = event.data(this.json,
				PartnerEventsListener.CustomerCreated.class);
		created.check(event);
		CloudEventEnvelope deletion = CloudEventEnvelope.parse(this.json, example("customer.deleted"));
		PartnerEventsListener.CustomerCreated deleted = deletion.data(this.json,
				PartnerEventsListener.CustomerCreated.class);
		deleted.check(deletion);

		assertThat(created.accountId()).isEqualTo("demo-account");
		assertThat(created.customerId()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
		assertThat(created.displayName()).isEqualTo("Alice Kim");
		assertThat(created.correlationId()).isEqualTo("crm-1001");
		assertThat(deleted.customerId()).isEqualTo(created.customerId());
		assertThat(deletion.time()).isNotNull();
	}

	@Test
	void refusesACustomerEventWithoutItsCustomerAsPoison() throws Exception {
		CloudEventEnvelope event = CloudEventEnvelope.parse(this.json,
				example("customer.created").replace("\"customerId\": \"7c9e6679", "\"customer\": \"7c9e6679"));
		PartnerEventsListener.CustomerCreated created = event.data(this.json,
				PartnerEventsListener.CustomerCreated.class);

		assertThatExceptionOfType(PoisonEventException.class).isThrownBy(() -> created.check(event));
	}

	@Test
	void refusesAnythingButACloudEventAsPoison() {
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> CloudEventEnvelope.parse(this.json, "not json"));
		assertThatExceptionOfType(PoisonEventException.class)
			.isThrownBy(() -> CloudEventEnvelope.parse(this.json, "{\"id\":\"1\"}"));
	}

	static String example(String type) throws Exception {
		return Files.readString(Path.of("../docs/events/" + type + ".json"));
	}

}
