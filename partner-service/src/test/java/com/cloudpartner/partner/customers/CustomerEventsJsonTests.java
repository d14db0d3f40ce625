package com.cloudpartner.partner.customers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.outbox.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden-file tests against docs/events: what this service emits has their shape. */
class CustomerEventsJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void customerCreatedMatchesTheDocumentedExample() throws Exception {
		JsonNode example = example("customer.created.json");
		Customer customer = new Customer("demo-account", UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"),
				"alice01", "Alice Kim", "alice@example.com", "crm-1001", null, Instant.parse("2026-11-23T05:01:00Z"),
				Instant.parse("2026-11-23T05:01:00Z"));
		JsonNode event = render(CustomerEvents.CREATED, customer.name(), CustomerEvents.CustomerCreated.of(customer));
		assertThat(event.get("data")).isEqualTo(example.get("data"));
		assertSameEnvelope(event, example);
	}

	@Test
	void customerDeletedMatchesTheDocumentedExample() throws Exception {
		JsonNode example = example("customer.deleted.json");
		JsonNode event = render(CustomerEvents.DELETED,
				"accounts/demo-account/customers/7c9e6679-7425-40de-944b-e07fc1f90ae7",
				new CustomerEvents.CustomerDeleted("demo-account", "7c9e6679-7425-40de-944b-e07fc1f90ae7"));
		assertThat(event.get("data")).isEqualTo(example.get("data"));
		assertSameEnvelope(event, example);
	}

	private JsonNode render(String type, String subject, Object data) {
		CloudEvent event = CloudEvent.of("/partner-service", type, subject, Instant.parse("2026-11-23T05:01:00Z"),
				data);
		return this.json.readTree(this.json.writeValueAsString(event));
	}

	private static void assertSameEnvelope(JsonNode event, JsonNode example) {
		assertThat(event.propertyNames()).containsExactlyInAnyOrderElementsOf(example.propertyNames());
		for (String field : new String[] { "specversion", "source", "type", "subject", "datacontenttype" }) {
			assertThat(event.get(field)).as(field).isEqualTo(example.get(field));
		}
	}

	private JsonNode example(String file) throws Exception {
		return this.json.readTree(Files.readString(Path.of("../docs/events", file)));
	}

}
