package com.cloudpartner.billing.config;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of a consumed CloudEvent that every listener reads; {@code data} is parsed by
 * the listener into its own small record.
 *
 * @param id the event id
 * @param source the producer
 * @param type the event type
 * @param subject the resource the event is about
 * @param time when it happened, or {@code null}
 * @param data the payload
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEventEnvelope(String id, String source, String type, String subject, Instant time, JsonNode data) {

	/** Parses a record value, or fails as poison when it is no CloudEvent at all. */
	public static CloudEventEnvelope parse(JsonMapper json, String value) {
		CloudEventEnvelope envelope;
		try {
			envelope = json.readValue(value, CloudEventEnvelope.class);
		}
		catch (JacksonException ex) {
			throw new PoisonEventException("Not a CloudEvent in structured JSON", ex);
		}
		if (envelope == null || envelope.id() == null || envelope.source() == null || envelope.type() == null) {
			throw new PoisonEventException("A CloudEvent needs id, source and type");
		}
		return envelope;
	}

	/** Reads {@code data} as the listener's own record, or fails as poison. */
	public <T> T data(JsonMapper json, Class<T> type) {
		if (this.data == null || !this.data.isObject()) {
			throw new PoisonEventException(this.type + " " + this.id + " has no data object");
		}
		try {
			return json.treeToValue(this.data, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new PoisonEventException(this.type + " " + this.id + " has unreadable data", ex);
		}
	}

}
