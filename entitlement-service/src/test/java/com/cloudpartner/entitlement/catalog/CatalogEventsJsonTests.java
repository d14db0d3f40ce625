package com.cloudpartner.entitlement.catalog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Golden file of offer.availability.changed, and the CSV of the selected-partner list.
 */
class CatalogEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesAvailabilityChangedAsDocumented() throws Exception {
		var changed = new CatalogManagement.AvailabilityChanged("offers/office-premium-flex", "SELECTED_PARTNERS",
				List.of("acct-b", "demo-account"), "ANY_PARTNER", List.of());
		JsonNode documented = this.json
			.readTree(Files.readString(Path.of("../docs/events/offer.availability.changed.json")))
			.get("data");
		assertThat(this.json.readTree(this.json.writeValueAsString(changed))).isEqualTo(documented);
	}

	@Test
	void readsTheSelectedPartnerCsvWithItsHeader() {
		assertThat(AvailabilityController.parse("\uFEFFaccountId\r\nacct-a\r\n\r\n\"acct-b\"\n"))
			.containsExactly("acct-a", "acct-b");
		assertThat(AvailabilityController.parse("accountId\n")).isEmpty();
		assertThatThrownBy(() -> AvailabilityController.parse("partner\nacct-a")).hasMessageContaining("header");
		assertThatThrownBy(() -> AvailabilityController.parse("accountId\nacct a;drop")).hasMessageContaining("Line 2");
		assertThatThrownBy(() -> AvailabilityController.parse(null)).hasMessageContaining("header");
	}

}
