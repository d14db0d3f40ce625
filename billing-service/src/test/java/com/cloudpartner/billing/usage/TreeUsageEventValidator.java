package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.cloudpartner.billing.rating.MeterUnit;

/**
 * The oracle of {@link EventFieldsPropertiesTests}: the validator of
 * {@code usage.recorded} as it was over a Jackson tree (main 78271ec), before events were
 * read in one pass ({@link EventFields}). Kept as it was, not maintained with the
 * product: the property test holds the product to it.
 */
final class TreeUsageEventValidator {

	static final int MAX_TEXT = 256;

	static final int MAX_SUBJECT = 1024;

	static final int MAX_LABELS = 64;

	static final int MAX_LABEL = 63;

	/**
	 * Longer windows are almost certainly a metering bug; they would bill a month at
	 * once.
	 */
	static final Duration MAX_WINDOW = Duration.ofDays(31);

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{1,12})?");

	private TreeUsageEventValidator() {
	}

	static Result validate(JsonNode event) {
		if (event == null || !event.isObject()) {
			return invalid(null, "INVALID_EVENT", "each item must be a CloudEvent JSON object");
		}
		String id = text(event, "id");
		try {
			return new Valid(parse(event, id));
		}
		catch (Rejection rejection) {
			return new Invalid((id != null && id.length() <= MAX_TEXT) ? id : null,
					rejection.code + ": " + rejection.getMessage());
		}
	}

	private static UsageEvent parse(JsonNode event, String id) {
		if (!"1.0".equals(text(event, "specversion"))) {
			throw new Rejection("INVALID_SPECVERSION", "specversion must be \"1.0\"");
		}
		require(id, "INVALID_ID", "id", MAX_TEXT);
		String source = text(event, "source");
		require(source, "INVALID_SOURCE", "source", MAX_TEXT);
		if (!UsageEvent.TYPE.equals(text(event, "type"))) {
			throw new Rejection("INVALID_TYPE", "type must be \"usage.recorded\"");
		}
		String subject = text(event, "subject");
		require(subject, "INVALID_SUBJECT", "subject", MAX_SUBJECT);
		JsonNode data = event.get("data");
		if (data == null || !data.isObject()) {
			throw new Rejection("INVALID_DATA", "data must be an object");
		}
		String accountId = field(data, "accountId");
		String customerId = field(data, "customerId");
		String entitlementId = field(data, "entitlementId");
		String sku = field(data, "sku");
		String meter = field(data, "meter");
		MeterUnit unit = unit(text(data, "unit"));
		BigDecimal quantity = quantity(data.get("quantity"));
		Instant windowStart = instant(data, "windowStart");
		Instant windowEnd = instant(data, "windowEnd");
		if (!windowStart.isBefore(windowEnd)) {
			throw new Rejection("INVALID_WINDOW", "data.windowStart must be before data.windowEnd");
		}
		if (Duration.between(windowStart, windowEnd).compareTo(MAX_WINDOW) > 0) {
			throw new Rejection("INVALID_WINDOW", "a usage window may span at most 31 days");
		}
		return new UsageEvent(id, source, subject, time(event), accountId, customerId, entitlementId, sku, meter, unit,
				quantity, windowStart, windowEnd, location(data), labels(data.get("labels")));
	}

	private static String location(JsonNode data) {
		JsonNode node = data.get("location");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.asString().isBlank() || node.asString().length() > MAX_TEXT) {
			throw new Rejection("INVALID_LOCATION",
					"data.location, when present, must be a non-blank string of at most " + MAX_TEXT + " characters");
		}
		return node.asString();
	}

	private static java.util.Map<String, String> labels(JsonNode node) {
		if (node == null || node.isNull()) {
			return java.util.Map.of();
		}
		if (!node.isObject() || node.size() > MAX_LABELS) {
			throw new Rejection("INVALID_LABELS",
					"data.labels, when present, must be an object of at most " + MAX_LABELS + " string values");
		}
		java.util.Map<String, String> labels = new java.util.TreeMap<>();
		for (var entry : node.properties()) {
			JsonNode value = entry.getValue();
			if (entry.getKey().isBlank() || entry.getKey().length() > MAX_LABEL || !value.isString()
					|| value.asString().length() > MAX_LABEL) {
				throw new Rejection("INVALID_LABELS", "data.labels." + entry.getKey()
						+ " must be a string, keys and values of at most " + MAX_LABEL + " characters");
			}
			labels.put(entry.getKey(), value.asString());
		}
		return java.util.Collections.unmodifiableMap(labels);
	}

	private static String field(JsonNode data, String name) {
		String value = text(data, name);
		if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
			// the code is spelled out only when the event is rejected
			require(value, "INVALID_" + upperSnake(name), "data." + name, MAX_TEXT);
		}
		return value;
	}

	private static void require(String value, String code, String name, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new Rejection(code, name + " must be a non-blank string");
		}
		if (value.length() > maxLength) {
			throw new Rejection(code, name + " must be at most " + maxLength + " characters");
		}
	}

	private static MeterUnit unit(String value) {
		if (value != null) {
			for (MeterUnit unit : MeterUnit.values()) {
				if (unit.name().equals(value)) {
					return unit;
				}
			}
		}
		throw new Rejection("INVALID_UNIT", "data.unit must be one of HOUR, DAY, MONTH, GB, COUNT, SEAT_MONTH");
	}

	private static BigDecimal quantity(JsonNode node) {
		String text = (node == null) ? null
				: node.isString() ? node.asString() : node.isNumber() ? node.decimalValue().toPlainString() : null;
		if (text == null || !DECIMAL.matcher(text).matches()) {
			throw new Rejection("INVALID_QUANTITY",
					"data.quantity must be a non-negative decimal (at most 18 integer and 12 fraction digits)");
		}
		return new BigDecimal(text);
	}

	private static Instant instant(JsonNode data, String name) {
		String value = text(data, name);
		if (value != null) {
			try {
				return Rfc3339.parse(value);
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw new Rejection("INVALID_WINDOW", "data." + name + " must be an RFC 3339 timestamp");
	}

	private static Instant time(JsonNode event) {
		JsonNode time = event.get("time");
		if (time == null || time.isNull()) {
			return null;
		}
		try {
			return Rfc3339.parse(time.isString() ? time.asString() : "");
		}
		catch (DateTimeParseException ex) {
			throw new Rejection("INVALID_TIME", "time must be an RFC 3339 timestamp when present");
		}
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	private static String upperSnake(String camel) {
		return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
	}

	static Invalid invalid(String id, String code, String message) {
		return new Invalid(id, code + ": " + message);
	}

	/** The outcome of validating one event. */
	sealed interface Result permits Valid, Invalid {

	}

	record Valid(UsageEvent event) implements Result {
	}

	/**
	 * A rejected event.
	 *
	 * @param id the event's id when it has a usable one
	 * @param reason {@code CODE: message}
	 */
	record Invalid(String id, String reason) implements Result {
	}

	private static final class Rejection extends RuntimeException {

		private final String code;

		Rejection(String code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

	}

}
