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
