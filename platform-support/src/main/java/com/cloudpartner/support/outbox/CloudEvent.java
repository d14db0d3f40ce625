package com.cloudpartner.support.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, as the platform puts on its topics.
 * {@code traceparent} is the distributed-tracing extension attribute.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
		String datacontenttype, String traceparent, Object data) {

	public static CloudEvent of(String source, String type, String subject, Instant time, Object data) {
		return new CloudEvent("1.0", UUID.randomUUID().toString(), source, type, subject, time, "application/json",
				null, data);
	}

	CloudEvent withTraceparent(String value) {
		return new CloudEvent(this.specversion, this.id, this.source, this.type, this.subject, this.time,
				this.datacontenttype, value, this.data);
	}

}
