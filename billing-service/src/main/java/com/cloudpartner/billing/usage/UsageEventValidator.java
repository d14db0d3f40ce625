package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.cloudpartner.billing.rating.MeterUnit;

/**
 * Checks one structured CloudEvent against the {@code usage.recorded} contract. A failure
 * names a stable code and says what is wrong, so that a metering source can fix the event
 * and send it again.
 */
final class UsageEventValidator {

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

	private UsageEventValidator() {
	}

	static Result validate(JsonNode event) {
		return validate(EventFields.of(event));
	}

	static Result validate(EventFields event) {
		if (!event.isObject()) {
			return invalid(null, "INVALID_EVENT", "each item must be a CloudEvent JSON object");
		}
		String id = text(event.get(EventFields.ID));
		try {
			return new Valid(parse(event, id));
		}
		catch (Rejection rejection) {
			return new Invalid((id != null && id.length() <= MAX_TEXT) ? id : null,
					rejection.code + ": " + rejection.getMessage());
		}
	}

	private static UsageEvent parse(EventFields event, String id) {
		if (!"1.0".equals(text(event.get(EventFields.SPECVERSION)))) {
			throw new Rejection("INVALID_SPECVERSION", "specversion must be \"1.0\"");
		}
		require(id, "INVALID_ID", "id", MAX_TEXT);
		String source = text(event.get(EventFields.SOURCE));
		require(source, "INVALID_SOURCE", "source", MAX_TEXT);
		if (!UsageEvent.TYPE.equals(text(event.get(EventFields.TYPE)))) {
			throw new Rejection("INVALID_TYPE", "type must be \"usage.recorded\"");
		}
		String subject = text(event.get(EventFields.SUBJECT));
		require(subject, "INVALID_SUBJECT", "subject", MAX_SUBJECT);
		Object[] data = event.data();
		if (data == null) {
			throw new Rejection("INVALID_DATA", "data must be an object");
		}
		String accountId = field(data, EventFields.ACCOUNT_ID, "accountId");
		String customerId = field(data, EventFields.CUSTOMER_ID, "customerId");
		String entitlementId = field(data, EventFields.ENTITLEMENT_ID, "entitlementId");
		String sku = field(data, EventFields.SKU, "sku");
		String meter = field(data, EventFields.METER, "meter");
		MeterUnit unit = unit(text(data[EventFields.UNIT]));
		BigDecimal quantity = quantity(data[EventFields.QUANTITY]);
		Instant windowStart = instant(data[EventFields.WINDOW_START], "windowStart");
		Instant windowEnd = instant(data[EventFields.WINDOW_END], "windowEnd");
		if (!windowStart.isBefore(windowEnd)) {
			throw new Rejection("INVALID_WINDOW", "data.windowStart must be before data.windowEnd");
		}
		if (Duration.between(windowStart, windowEnd).compareTo(MAX_WINDOW) > 0) {
			throw new Rejection("INVALID_WINDOW", "a usage window may span at most 31 days");
		}
		return new UsageEvent(id, source, subject, time(event.get(EventFields.TIME)), accountId, customerId,
				entitlementId, sku, meter, unit, quantity, windowStart, windowEnd, location(data[EventFields.LOCATION]),
				labels(data[EventFields.LABELS]));
	}

	private static String location(Object value) {
		if (value == null || value == EventFields.NULL) {
			return null;
		}
		if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
			throw new Rejection("INVALID_LOCATION",
					"data.location, when present, must be a non-blank string of at most " + MAX_TEXT + " characters");
		}
		return text;
	}

	private static java.util.Map<String, String> labels(Object value) {
		if (value == null || value == EventFields.NULL) {
			return java.util.Map.of();
		}
		if (!(value instanceof java.util.Map<?, ?> members) || members.size() > MAX_LABELS) {
			throw new Rejection("INVALID_LABELS",
					"data.labels, when present, must be an object of at most " + MAX_LABELS + " string values");
		}
		java.util.Map<String, String> labels = new java.util.TreeMap<>();
		for (var entry : members.entrySet()) {
			String key = (String) entry.getKey();
			if (key.isBlank() || key.length() > MAX_LABEL || !(entry.getValue() instanceof String label)
					|| label.length() > MAX_LABEL) {
				throw new Rejection("INVALID_LABELS", "data.labels." + key
						+ " must be a string, keys and values of at most " + MAX_LABEL + " characters");
			}
			labels.put(key, label);
		}
		return java.util.Collections.unmodifiableMap(labels);
	}

	private static String field(Object[] data, int slot, String name) {
		String value = text(data[slot]);
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

	private static BigDecimal quantity(Object value) {
		String text = (value instanceof String string) ? string
				: (value instanceof BigDecimal number) ? number.toPlainString() : null;
		if (text == null || !DECIMAL.matcher(text).matches()) {
			throw new Rejection("INVALID_QUANTITY",
					"data.quantity must be a non-negative decimal (at most 18 integer and 12 fraction digits)");
		}
		return new BigDecimal(text);
	}

	private static Instant instant(Object value, String name) {
		if (value instanceof String text) {
			try {
				return Rfc3339.parse(text);
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		throw new Rejection("INVALID_WINDOW", "data." + name + " must be an RFC 3339 timestamp");
	}

	private static Instant time(Object value) {
		if (value == null || value == EventFields.NULL) {
			return null;
		}
		try {
			return Rfc3339.parse((value instanceof String text) ? text : "");
		}
		catch (DateTimeParseException ex) {
			throw new Rejection("INVALID_TIME", "time must be an RFC 3339 timestamp when present");
		}
	}

	private static String text(Object value) {
		return (value instanceof String text) ? text : null;
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
