package com.cloudpartner.partner.accounts;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden-file tests against
 * docs/events/partner.{suspended,reinstated,contract.changed}.json.
 */
class PartnerEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private JsonNode example(String type) throws Exception {
		return this.json.readTree(Files.readString(Path.of("../docs/events/" + type + ".json")));
	}

	private JsonNode written(Object data) {
		return this.json.readTree(this.json.writeValueAsString(data));
	}

	@Test
	void suspensionAndReinstatementAreTheDocumentedExamples() throws Exception {
		assertThat(written(new PartnerEvents.StateChanged("demo-account", "SUSPENDED")))
			.isEqualTo(example(PartnerEvents.SUSPENDED).get("data"));
		assertThat(written(new PartnerEvents.StateChanged("demo-account", "ACTIVE")))
			.isEqualTo(example(PartnerEvents.REINSTATED).get("data"));
	}

	@Test
	void aContractChangeIsTheDocumentedExample() throws Exception {
		Instant time = Instant.parse("2026-11-23T08:00:00Z");
		PartnerAccount account = new PartnerAccount("demo-account", "DEMO-0001", "Demo Reseller",
				PartnerAccount.State.ACTIVE,
				new PartnerAccount.Contract("LOCAL-DEMO-2", new BigDecimal("25.00").stripTrailingZeros(), "KRW"),
				PartnerAccount.Settings.defaults(), time, time);
		assertThat(written(PartnerEvents.ContractChanged.of(account, time)))
			.isEqualTo(example(PartnerEvents.CONTRACT_CHANGED).get("data"));
	}

}
