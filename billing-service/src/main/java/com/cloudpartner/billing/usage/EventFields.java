package com.cloudpartner.billing.usage;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;

import com.cloudpartner.support.input.Text;

/**
 * The members of one structured CloudEvent that the {@code usage.recorded} contract
 * reads, taken from a parser's tokens in one pass without building a JSON tree: the API
 * reads every event of a batch this way and billing's consumer every record (a tree per
 * event was ~8 % of the ingestion benchmark's CPU, see docs/benchmarks.md, "Issue 13,
 * ingestion: one pass per event"). It holds what a tree would answer to the validator:
 * for each member the rules know, its string, {@link #NULL}, a number (only where the
 * rules read one: {@code data.quantity}) or {@link #OTHER}; {@code data} as its own
 * members when it is an object; {@code data.labels} as all of its members. A repeated
 * member keeps its last value, as in a tree. Unknown members are skipped, but their text
 * is checked like the rest when asked ({@link #isClean()}).
 */
final class EventFields {

	/** A JSON {@code null}. */
	static final Object NULL = new Marker("null");

	/** A value whose content no rule reads (a boolean, an array, an object, a number). */
	static final Object OTHER = new Marker("other");

	static final int SPECVERSION = 0;

	static final int ID = 1;

	static final int SOURCE = 2;

	static final int TYPE = 3;

	static final int SUBJECT = 4;

	static final int TIME = 5;

	static final int DATA = 6;

	static final int ACCOUNT_ID = 0;

	static final int CUSTOMER_ID = 1;

	static final int ENTITLEMENT_ID = 2;

	static final int SKU = 3;

	static final int METER = 4;

	static final int UNIT = 5;

	static final int QUANTITY = 6;

	static final int WINDOW_START = 7;

	static final int WINDOW_END = 8;

	static final int LOCATION = 9;

	static final int LABELS = 10;

	private final Object[] event;

	private final boolean clean;

	private EventFields(Object[] event, boolean clean) {
		this.event = event;
		this.clean = clean;
	}

	/**
	 * Reads the event at the parser's current token, leaving the parser on its last
	 * token.
	 * @param parser a parser on the event's first token ({@code null} at the end of
	 * input)
	 * @param checkText whether to check every string and member name with
	 * {@link Text#isClean}
	 * @return the event's members, or {@code null} members when the value is not an
	 * object
	 */
	static EventFields read(JsonParser parser, boolean checkText) {
		Reader reader = new Reader(parser, checkText);
		JsonToken first = parser.currentToken();
		if (first != JsonToken.START_OBJECT) {
			if (first != null) {
				reader.skip(first);
			}
			return new EventFields(null, reader.clean);
		}
		Object[] event = new Object[7];
		while (reader.nextName()) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			int slot = eventSlot(name);
			if (slot < 0) {
				reader.check(name);
			}
			if (slot == DATA && token == JsonToken.START_OBJECT) {
				event[DATA] = reader.data();
			}
			else {
				Object value = reader.value(token, false);
				if (slot >= 0) {
					event[slot] = value;
				}
			}
		}
		return new EventFields(event, reader.clean);
	}

	/** The members of an event already parsed into a tree. */
	static EventFields of(JsonNode node) {
		if (node == null) {
			return new EventFields(null, true);
		}
		try (JsonParser parser = node.traverse(ObjectReadContext.empty())) {
			parser.nextToken();
			return read(parser, false);
		}
	}

	/** Whether the value is a JSON object. */
	boolean isObject() {
		return this.event != null;
	}

	/** Whether no string or member name holds a NUL or an unpaired surrogate. */
	boolean isClean() {
		return this.clean;
	}

	/** The value of a member of the event ({@code null} when absent). */
	Object get(int slot) {
		return this.event[slot];
	}

	/** The members of {@code data} when it is an object, else {@code null}. */
	Object[] data() {
		return (this.event[DATA] instanceof Object[] data) ? data : null;
	}

	private static int eventSlot(String name) {
		return switch (name) {
			case "specversion" -> SPECVERSION;
			case "id" -> ID;
			case "source" -> SOURCE;
			case "type" -> TYPE;
			case "subject" -> SUBJECT;
			case "time" -> TIME;
			case "data" -> DATA;
			default -> -1;
		};
	}

	private static int dataSlot(String name) {
		return switch (name) {
			case "accountId" -> ACCOUNT_ID;
			case "customerId" -> CUSTOMER_ID;
			case "entitlementId" -> ENTITLEMENT_ID;
			case "sku" -> SKU;
			case "meter" -> METER;
			case "unit" -> UNIT;
			case "quantity" -> QUANTITY;
			case "windowStart" -> WINDOW_START;
			case "windowEnd" -> WINDOW_END;
			case "location" -> LOCATION;
			case "labels" -> LABELS;
			default -> -1;
		};
	}

	private static final class Reader {

		private final JsonParser parser;

		private final boolean checkText;

		private boolean clean = true;

		Reader(JsonParser parser, boolean checkText) {
			this.parser = parser;
			this.checkText = checkText;
		}

		/**
		 * Moves to the next member of the current object; the caller checks its name
		 * unless it is one of the names the contract knows (clean by definition).
		 */
		boolean nextName() {
			return this.parser.nextToken() == JsonToken.PROPERTY_NAME;
		}

		Object[] data() {
			Object[] data = new Object[11];
			while (nextName()) {
				String name = this.parser.currentName();
				int slot = dataSlot(name);
				if (slot < 0) {
					check(name);
				}
				JsonToken token = this.parser.nextToken();
				if (slot == LABELS && token == JsonToken.START_OBJECT) {
					Map<String, Object> labels = new LinkedHashMap<>();
					while (nextName()) {
						String label = this.parser.currentName();
						check(label);
						labels.put(label, value(this.parser.nextToken(), false));
					}
					data[LABELS] = labels;
				}
				else {
					Object value = value(token, slot == QUANTITY);
					if (slot >= 0) {
						data[slot] = value;
					}
				}
			}
			return data;
		}

		/**
		 * A member's value: its string, {@link #NULL}, its number as a tree would give it
		 * when {@code number} (a 64-bit float for a fraction or exponent, as Jackson's
		 * tree reads JSON), else {@link #OTHER}; a container is skipped.
		 */
		Object value(JsonToken token, boolean number) {
			switch (token) {
				case VALUE_STRING -> {
					String text = this.parser.getString();
					check(text);
					return text;
				}
				case VALUE_NULL -> {
					return NULL;
				}
				case VALUE_NUMBER_INT -> {
					return number ? this.parser.getDecimalValue() : OTHER;
				}
				case VALUE_NUMBER_FLOAT -> {
					return number ? decimal() : OTHER;
				}
				case START_OBJECT, START_ARRAY -> {
					skip(token);
					return OTHER;
				}
				default -> {
					return OTHER;
				}
			}
		}

		private Object decimal() {
			if (this.parser.getNumberTypeFP() == JsonParser.NumberTypeFP.BIG_DECIMAL) {
				return this.parser.getDecimalValue();
			}
			double value = this.parser.getDoubleValue();
			return Double.isFinite(value) ? BigDecimal.valueOf(value) : OTHER;
		}

		/** Skips a value, checking the text inside it. */
		void skip(JsonToken token) {
			if (!this.checkText || (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY)) {
				if (token == JsonToken.VALUE_STRING) {
					check(this.parser.getString());
				}
				this.parser.skipChildren();
				return;
			}
			int depth = 1;
			while (depth > 0) {
				JsonToken next = this.parser.nextToken();
				switch (next) {
					case START_OBJECT, START_ARRAY -> depth++;
					case END_OBJECT, END_ARRAY -> depth--;
					case PROPERTY_NAME -> check(this.parser.currentName());
					case VALUE_STRING -> check(this.parser.getString());
					default -> {
						// numbers, booleans and null hold no text
					}
				}
			}
		}

		private void check(String text) {
			if (this.checkText && this.clean && !Text.isClean(text)) {
				this.clean = false;
			}
		}

	}

	private record Marker(String name) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
