package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.input.Text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-pass reading of events ({@link EventFields}) against the tree it replaced:
 * generated events, valid and broken in every member the contract reads (absent, blank,
 * too long, null, a number, a boolean, an object, an array, repeated, unknown members
 * nested with text PostgreSQL cannot store, labels of every shape, numbers as JSON
 * numbers with fractions and exponents), must validate to the same event or the same
 * refusal as {@link TreeUsageEventValidator} (the validator over a Jackson tree, as it
 * was before) finds, read from bytes as the API and the consumer read them, from a string
 * as the consumer did and from a tree; and the text check must find what a walk of the
 * tree finds.
 */
class EventFieldsPropertiesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] EVENT = { "specversion", "id", "source", "type", "subject", "time", "data" };

	private static final String[] DATA = { "accountId", "customerId", "entitlementId", "sku", "meter", "unit",
			"quantity", "windowStart", "windowEnd", "location", "labels" };

	@Property(tries = 3000)
	void readsWhatTheTreeRead(@ForAll long seed) throws Exception {
		Random random = new Random(seed);
		String text = event(random);
		JsonNode tree = JSON.readTree(text);

		Object expected = outcome(tree);
		assertThat(outcome(UsageEventValidator.validate(fromString(text)))).as(text).isEqualTo(expected);
		assertThat(outcome(UsageEventValidator.validate(tree))).as(text).isEqualTo(expected);
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		JsonNode bytesTree;
		try {
			bytesTree = JSON.readTree(bytes);
		}
		catch (JacksonException ex) {
			// the parser of bytes (the API's) refuses an escaped unpaired surrogate in a
			// member name, which the parser of text takes: so must the one-pass reading
			assertThatExceptionOfType(JacksonException.class).isThrownBy(() -> fromBytes(bytes));
			return;
		}
		assertThat(outcome(UsageEventValidator.validate(fromBytes(bytes)))).as(text).isEqualTo(outcome(bytesTree));
		assertThat(fromBytes(bytes).isClean()).as(text).isEqualTo(isClean(bytes));
	}

	private static EventFields fromBytes(byte[] bytes) {
		try (JsonParser parser = JSON.createParser(bytes)) {
			parser.nextToken();
			EventFields fields = EventFields.read(parser, true);
			assertThat(parser.nextToken()).isNull();
			return fields;
		}
	}

	private static EventFields fromString(String text) {
		try (JsonParser parser = JSON.createParser(text)) {
			parser.nextToken();
			return EventFields.read(parser, false);
		}
	}

	/**
	 * The tree validator's outcome; a number it could not turn into a decimal is a
	 * refusal.
	 */
	private static Object outcome(JsonNode tree) {
		TreeUsageEventValidator.Result result;
		try {
			result = TreeUsageEventValidator.validate(tree);
		}
		catch (RuntimeException ex) {
			// the tree validator failed on 1e400 (no decimal for an infinite double):
			// the one-pass reading refuses it instead
			JsonNode quantity = tree.path("data").path("quantity");
			assertThat(quantity.isNumber() && Double.isInfinite(quantity.doubleValue())).as(ex.toString()).isTrue();
			String id = tree.path("id").isString() ? tree.path("id").asString() : null;
			return List.of(String.valueOf((id != null && id.length() <= 256) ? id : null),
					"INVALID_QUANTITY: data.quantity must be a non-negative decimal (at most 18 integer and 12 "
							+ "fraction digits)");
		}
		if (result instanceof TreeUsageEventValidator.Valid valid) {
			return valid.event();
		}
		TreeUsageEventValidator.Invalid invalid = (TreeUsageEventValidator.Invalid) result;
		return List.of(String.valueOf(invalid.id()), invalid.reason());
	}

	private static Object outcome(UsageEventValidator.Result result) {
		if (result instanceof UsageEventValidator.Valid valid) {
			return valid.event();
		}
		UsageEventValidator.Invalid invalid = (UsageEventValidator.Invalid) result;
		return List.of(String.valueOf(invalid.id()), invalid.reason());
	}

	/**
	 * Whether every string and member name of the text is clean, a member that a later
	 * one of the same name replaces included (a tree would no longer hold it, but the
	 * event's bytes go to Kafka as sent).
	 */
	private static boolean isClean(byte[] bytes) {
		try (JsonParser parser = JSON.createParser(bytes)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if ((token == JsonToken.PROPERTY_NAME && !Text.isClean(parser.currentName()))
						|| (token == JsonToken.VALUE_STRING && !Text.isClean(parser.getString()))) {
					return false;
				}
			}
			return true;
		}
	}

	private static String event(Random random) {
		return object(random, 40, EVENT, (name) -> name.equals("data") ? data(random) : good(name, random));
	}

	private static String data(Random random) {
		return object(random, 30, DATA, (name) -> name.equals("labels") ? labels(random) : good(name, random));
	}

	/**
	 * An object of these members (each good, broken, absent or repeated) and unknown
	 * ones; one time in {@code notAnObject} some other JSON value instead.
	 */
	private static String object(Random random, int notAnObject, String[] names, Function<String, String> good) {
		if (random.nextInt(notAnObject) == 0) {
			return value(random, 2);
		}
		StringBuilder json = new StringBuilder();
		for (String name : names) {
			member(json, random, name, good.apply(name));
		}
		extras(json, random);
		return "{" + (json.isEmpty() ? "" : json.substring(0, json.length() - 1)) + "}";
	}

	/** Appends the member with its good value, or broken, absent or repeated. */
	private static void member(StringBuilder json, Random random, String name, String good) {
		int fate = random.nextInt(24);
		if (fate == 0) {
			return;
		}
		String value = (fate < 4) ? value(random, 1) : (fate == 4) ? quote(random.nextBoolean() ? " " : "")
				: (fate == 5) ? quote("x".repeat(250 + random.nextInt(800))) : good;
		json.append(quote(name)).append(':').append(value).append(',');
		if (random.nextInt(30) == 0) {
			json.append(quote(name)).append(':').append(random.nextBoolean() ? good : value(random, 1)).append(',');
		}
	}

	private static void extras(StringBuilder json, Random random) {
		for (int i = random.nextInt(3); i > 0; i--) {
			json.append(quote(word(random))).append(':').append(value(random, 2)).append(',');
		}
	}

	private static String good(String name, Random random) {
		return switch (name) {
			case "specversion" -> quote("1.0");
			case "id" -> quote("usage-" + random.nextInt(1000));
			case "source" -> quote("//metering.example/zone-" + random.nextInt(3));
			case "type" -> quote("usage.recorded");
			case "subject" -> quote("accounts/a/customers/c/servers/srv-" + random.nextInt(9));
			case "time" -> quote("2026-11-23T06:00:0" + random.nextInt(10) + "Z");
			case "unit" ->
				quote(List.of("HOUR", "DAY", "MONTH", "GB", "COUNT", "SEAT_MONTH", "hour").get(random.nextInt(7)));
			case "quantity" -> List.of("\"1\"", "\"2.5\"", "3", "1.5", "1e2", "0.1", "2.50", "-1", "\"1e3\"", "1e400",
					"12345678901234567890", "0.1234567890123456789", "\"0\"", "0")
				.get(random.nextInt(14));
			case "windowStart" -> quote("2026-11-23T0" + random.nextInt(6) + ":00:00Z");
			case "windowEnd" -> (random.nextInt(10) == 0) ? quote("2027-01-30T00:00:00Z")
					: quote("2026-11-23T0" + (3 + random.nextInt(6)) + ":00:00Z");
			case "location" -> quote("kr-central-1" + (char) ('a' + random.nextInt(3)));
			default -> quote(name + "-" + random.nextInt(5));
		};
	}

	private static String labels(Random random) {
		if (random.nextInt(8) == 0) {
			return value(random, 1);
		}
		StringBuilder json = new StringBuilder("{");
		int count = (random.nextInt(10) == 0) ? 60 + random.nextInt(10) : random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String key = (random.nextInt(20) == 0) ? "k".repeat(64) : (random.nextInt(30) == 0) ? " " : "key" + i % 40;
			String value = (random.nextInt(15) == 0) ? value(random, 1) : quote("v" + random.nextInt(9));
			json.append(quote(key)).append(':').append(value).append(',');
		}
		if (count > 0) {
			json.setLength(json.length() - 1);
		}
		return json.append('}').toString();
	}

	private static String value(Random random, int depth) {
		return switch (random.nextInt((depth > 0) ? 9 : 7)) {
			case 0 -> "null";
			case 1 -> "true";
			case 2 -> String.valueOf(random.nextInt(100));
			case 3 -> "2.5e1";
			case 4 -> quote(word(random));
			case 5 -> "[]";
			case 6 -> "{}";
			case 7 -> "[" + value(random, depth - 1) + "," + value(random, depth - 1) + "]";
			default -> "{" + quote(word(random)) + ":" + value(random, depth - 1) + "}";
		};
	}

	/** A word, now and then holding a NUL or an unpaired surrogate. */
	private static String word(Random random) {
		return switch (random.nextInt(12)) {
			case 0 -> "bad\u0000nul";
			case 1 -> "lone\ud800";
			case 2 -> "pair\ud83d\ude00";
			default -> "w" + random.nextInt(50);
		};
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

}
