package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import com.cloudpartner.billing.rating.MeterUnit;

import static org.assertj.core.api.Assertions.assertThat;

class UsageEventValidatorTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void acceptsTheDocumentedExample() throws Exception {
		UsageEventValidator.Result result = UsageEventValidator.validate(example());

		assertThat(result).isInstanceOfSatisfying(UsageEventValidator.Valid.class, (valid) -> {
			UsageEvent event = valid.event();
			assertThat(event.id()).isEqualTo("usage-2026112305-srv-1");
			assertThat(event.source()).isEqualTo("//metering.cloudpartner.dev/zone-kr1");
			assertThat(event.subject()).endsWith("/servers/srv-1");
			assertThat(event.accountId()).isEqualTo("demo-account");
			assertThat(event.unit()).isEqualTo(MeterUnit.HOUR);
			assertThat(event.quantity()).isEqualByComparingTo("1");
			assertThat(event.windowStart()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
			assertThat(event.time()).isEqualTo(Instant.parse("2026-11-23T06:00:05Z"));
		});
	}

	@Test
	void acceptsAQuantityAsAJsonNumber() throws Exception {
		ObjectNode event = example();
		data(event).put("quantity", new BigDecimal("2.5"));

		assertThat(UsageEventValidator.validate(event)).isInstanceOfSatisfying(UsageEventValidator.Valid.class,
				(valid) -> assertThat(valid.event().quantity()).isEqualByComparingTo("2.5"));
	}

	@Test
	void rejectsEachBrokenFieldWithAStableCode() throws Exception {
		assertRejected((e) -> e.put("specversion", "0.3"), "INVALID_SPECVERSION");
		assertRejected((e) -> e.put("id", " "), "INVALID_ID");
		assertRejected((e) -> e.put("id", "x".repeat(257)), "INVALID_ID");
		assertRejected((e) -> e.remove("source"), "INVALID_SOURCE");
		assertRejected((e) -> e.put("type", "usage.deleted"), "INVALID_TYPE");
		assertRejected((e) -> e.remove("subject"), "INVALID_SUBJECT");
		assertRejected((e) -> e.put("time", "yesterday"), "INVALID_TIME");
		assertRejected((e) -> e.put("data", "nope"), "INVALID_DATA");
		assertRejected((e) -> data(e).put("accountId", ""), "INVALID_ACCOUNT_ID");
		assertRejected((e) -> data(e).remove("entitlementId"), "INVALID_ENTITLEMENT_ID");
		assertRejected((e) -> data(e).put("unit", "HOURS"), "INVALID_UNIT");
		assertRejected((e) -> data(e).put("quantity", "-1"), "INVALID_QUANTITY");
		assertRejected((e) -> data(e).put("quantity", "1e3"), "INVALID_QUANTITY");
		assertRejected((e) -> data(e).put("quantity", -2), "INVALID_QUANTITY");
		assertRejected((e) -> data(e).put("windowEnd", "2026-11-23T05:00:00Z"), "INVALID_WINDOW");
		assertRejected((e) -> data(e).put("windowEnd", "2027-01-23T05:00:00Z"), "INVALID_WINDOW");
		assertRejected((e) -> data(e).put("windowStart", "23.11.2026"), "INVALID_WINDOW");
	}

	@Test
	void keepsTheIdOfARejectedEvent() throws Exception {
		ObjectNode event = example();
		data(event).put("quantity", "lots");

		assertThat(UsageEventValidator.validate(event)).isInstanceOfSatisfying(UsageEventValidator.Invalid.class,
				(invalid) -> {
					assertThat(invalid.id()).isEqualTo("usage-2026112305-srv-1");
					assertThat(invalid.reason()).startsWith("INVALID_QUANTITY: ");
				});
	}

	private void assertRejected(java.util.function.Consumer<ObjectNode> breakIt, String code) throws Exception {
		ObjectNode event = example();
		breakIt.accept(event);
		assertThat(UsageEventValidator.validate(event)).as(code)
			.isInstanceOfSatisfying(UsageEventValidator.Invalid.class,
					(invalid) -> assertThat(invalid.reason()).startsWith(code + ": "));
	}

	private static ObjectNode data(ObjectNode event) {
		return (ObjectNode) event.get("data");
	}

	private ObjectNode example() throws Exception {
		return (ObjectNode) this.json.readTree(Files.readString(Path.of("../docs/events/usage.recorded.json")));
	}

}
