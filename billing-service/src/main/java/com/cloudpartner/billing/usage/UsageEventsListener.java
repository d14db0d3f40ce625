package com.cloudpartner.billing.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.PoisonEventException;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes accepted usage. An event that is not a valid {@code usage.recorded} (it can
 * only get here by bypassing the API) is poison and goes to {@code usage-events.DLT}.
 */
@Component
class UsageEventsListener {

	private static final Logger log = LoggerFactory.getLogger(UsageEventsListener.class);

	private final JsonMapper json;

	private final UsageRecorder recorder;

	UsageEventsListener(JsonMapper json, UsageRecorder recorder) {
		this.json = json;
		this.recorder = recorder;
	}

	@KafkaListener(id = "billing-usage", topics = UsageIngestion.TOPIC, groupId = "billing-service")
	void onUsage(String value) {
		JsonNode node = this.json.readTree(value);
		UsageEventValidator.Result result = UsageEventValidator.validate(node);
		if (result instanceof UsageEventValidator.Invalid invalid) {
			throw new PoisonEventException("Invalid usage event " + invalid.id() + ": " + invalid.reason());
		}
		UsageEvent event = ((UsageEventValidator.Valid) result).event();
		if (this.recorder.record(event) == UsageRecorder.Outcome.DUPLICATE) {
			log.debug("Usage event {} from {} was recorded before", event.id(), event.source());
		}
	}

}
