package com.cloudpartner.partner.accounts;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden-file test against docs/events/partner.approved.json. */
class PartnerApprovedJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theDemoPartnerApprovedEventIsTheDocumentedExample() throws Exception {
		JsonNode example = this.json.readTree(Files.readString(Path.of("../docs/events/partner.approved.json")));
		Instant now = Instant.parse("2026-11-23T05:00:00Z");
		// stored as numeric(5,2): 20.00 comes back and must still read "20"
		PartnerAccount account = new PartnerAccount("demo-account", "DEMO-0001", "Demo Reseller",
				PartnerAccount.State.ACTIVE,
				new PartnerAccount.Contract("LOCAL-DEMO", new BigDecimal("20.00").stripTrailingZeros(), "KRW"),
				PartnerAccount.Settings.defaults(), now, now);
		PartnerApproved data = PartnerApproved.of(account,
				List.of(new BillingAccount("demo-account", "demo-krw", "Demo Reseller KRW", "KRW", "KR")));
		assertThat(this.json.readTree(this.json.writeValueAsString(data))).isEqualTo(example.get("data"));
	}

}
