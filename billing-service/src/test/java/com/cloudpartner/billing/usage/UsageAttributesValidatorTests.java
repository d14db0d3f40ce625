package com.cloudpartner.billing.usage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional {@code location} and {@code labels} of usage.recorded, for the export. */
class UsageAttributesValidatorTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keepsLocationAndLabelsWhenPresent() throws Exception {
		ObjectNode event = example();
		data(event).put("location", "kr-central-1a");
		data(event).set("labels", this.json.createObjectNode().put("env", "prod").put("team", "web"));

		assertThat(UsageEventValidator.validate(event)).isInstanceOfSatisfying(UsageEventValidator.Valid.class,
				(valid) -> {
					assertThat(valid.event().location()).isEqualTo("kr-central-1a");
					assertThat(valid.event().labels()).isEqualTo(Map.of("env", "prod", "team", "web"));
					assertThat(valid.event().hasAttributes()).isTrue();
				});
	}

	@Test
	void acceptsAnEventWithoutThem() throws Exception {
		ObjectNode event = example();
		data(event).remove("location");
		data(event).remove("labels");

		assertThat(UsageEventValidator.validate(event)).isInstanceOfSatisfying(UsageEventValidator.Valid.class,
				(valid) -> {
					assertThat(valid.event().location()).isNull();
					assertThat(valid.event().labels()).isEmpty();
					assertThat(valid.event().hasAttributes()).isFalse();
				});
	}

	@Test
	void rejectsMalformedLocationAndLabels() throws Exception {
		ObjectNode badLocation = example();
		data(badLocation).put("location", 42);
		ObjectNode badLabels = example();
		data(badLabels).set("labels", this.json.createObjectNode().put("env", 1));
		ObjectNode labelsList = example();
		data(labelsList).set("labels", this.json.createArrayNode().add("env"));

		assertThat(reason(badLocation)).startsWith("INVALID_LOCATION: ");
		assertThat(reason(badLabels)).startsWith("INVALID_LABELS: ");
		assertThat(reason(labelsList)).startsWith("INVALID_LABELS: ");
	}

	private static String reason(ObjectNode event) {
		UsageEventValidator.Result result = UsageEventValidator.validate(event);
		assertThat(result).isInstanceOf(UsageEventValidator.Invalid.class);
		return ((UsageEventValidator.Invalid) result).reason();
	}

	private ObjectNode example() throws Exception {
		return (ObjectNode) this.json.readTree(Files.readString(Path.of("../docs/events/usage.recorded.json")));
	}

	private static ObjectNode data(ObjectNode event) {
		return (ObjectNode) event.get("data");
	}

}
