package com.cloudpartner.billing.usage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.input.Text;

/**
 * Time per event of reading and validating usage events as the API (from bytes, with the
 * text check) and the consumer (from a string) do: into a Jackson tree and
 * {@link TreeUsageEventValidator} (before) against one pass into {@link EventFields} and
 * {@link UsageEventValidator} (now), in one JVM, in interleaved rounds after five of
 * warm-up: {@code deploy/bench/billing-bench.sh read [ROUNDS]}. The events are the
 * ingestion benchmark's. Prints each round and the median in ns per event.
 */
public final class EventReadBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int EVENTS = 100_000;

	private EventReadBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		List<byte[]> bytes = new ArrayList<>(EVENTS);
		List<String> texts = new ArrayList<>(EVENTS);
		for (int n = 0; n < EVENTS; n++) {
			texts.add(event(n));
			bytes.add(texts.get(n).getBytes(StandardCharsets.UTF_8));
		}
		String[] names = { "API, tree and text walk", "API, one pass", "consumer, tree", "consumer, one pass",
				"consumer, one pass from bytes" };
		double[][] times = new double[names.length][rounds];
		for (int r = -5; r < rounds; r++) {
			double[] round = { apiTree(bytes), apiOnePass(bytes), consumerTree(texts),
					consumerOnePass(texts, (String text) -> JSON.createParser(text)),
					consumerOnePass(bytes, (byte[] event) -> JSON.createParser(event)) };
			if (r >= 0) {
				for (int v = 0; v < names.length; v++) {
					times[v][r] = round[v];
				}
				System.out.printf("round %d: %.0f / %.0f / %.0f / %.0f / %.0f ns per event%n", r + 1, round[0],
						round[1], round[2], round[3], round[4]);
			}
		}
		for (int v = 0; v < names.length; v++) {
			Arrays.sort(times[v]);
			System.out.printf("%s: median %.0f ns per event (min %.0f)%n", names[v], times[v][rounds / 2], times[v][0]);
		}
	}

	private static double apiTree(List<byte[]> events) {
		long started = System.nanoTime();
		int valid = 0;
		for (byte[] event : events) {
			JsonNode tree = JSON.readTree(event);
			if (isClean(tree) && TreeUsageEventValidator.validate(tree) instanceof TreeUsageEventValidator.Valid) {
				valid++;
			}
		}
		return check(valid, started);
	}

	private static double apiOnePass(List<byte[]> events) {
		long started = System.nanoTime();
		int valid = 0;
		for (byte[] event : events) {
			try (JsonParser parser = JSON.createParser(event)) {
				parser.nextToken();
				EventFields fields = EventFields.read(parser, true);
				if (fields.isClean() && UsageEventValidator.validate(fields) instanceof UsageEventValidator.Valid) {
					valid++;
				}
			}
		}
		return check(valid, started);
	}

	private static double consumerTree(List<String> events) {
		long started = System.nanoTime();
		int valid = 0;
		for (String event : events) {
			if (TreeUsageEventValidator.validate(JSON.readTree(event)) instanceof TreeUsageEventValidator.Valid) {
				valid++;
			}
		}
		return check(valid, started);
	}

	/**
	 * The consumer's reading of a record's value, without the text check: from a string
	 * (as it was) or from the bytes (as it is now).
	 */
	private static <T> double consumerOnePass(List<T> events, Function<T, JsonParser> parsers) {
		long started = System.nanoTime();
		int valid = 0;
		for (T event : events) {
			try (JsonParser parser = parsers.apply(event)) {
				parser.nextToken();
				if (UsageEventValidator
					.validate(EventFields.read(parser, false)) instanceof UsageEventValidator.Valid) {
					valid++;
				}
			}
		}
		return check(valid, started);
	}

	/** The API's text check over a tree, as it was. */
	private static boolean isClean(JsonNode node) {
		if (node.isString()) {
			return Text.isClean(node.asString());
		}
		for (int i = 0; node.isArray() && i < node.size(); i++) {
			if (!isClean(node.get(i))) {
				return false;
			}
		}
		for (java.util.Map.Entry<String, JsonNode> property : node.properties()) {
			if (!Text.isClean(property.getKey()) || !isClean(property.getValue())) {
				return false;
			}
		}
		return true;
	}

	private static double check(int valid, long started) {
		double perEvent = (System.nanoTime() - started) / (double) EVENTS;
		if (valid != EVENTS) {
			throw new IllegalStateException(valid + " of " + EVENTS + " valid");
		}
		return perEvent;
	}

	/** An event as the ingestion benchmark sends it. */
	static String event(long n) {
		long resource = n / 600;
		String account = "bench-" + (resource % 3);
		String start = java.time.Instant.parse("2026-11-01T00:00:00Z").plusSeconds((n % 600) * 3600).toString();
		String end = java.time.Instant.parse(start).plusSeconds(3600).toString();
		return "{\"specversion\":\"1.0\",\"id\":\"e" + n
				+ "\",\"source\":\"//bench\",\"type\":\"usage.recorded\",\"subject\":\"accounts/" + account
				+ "/customers/c" + resource % 100 + "/servers/s" + resource
				+ "\",\"time\":\"2026-11-23T00:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{"
				+ "\"accountId\":\"" + account + "\",\"customerId\":\"c" + resource % 100 + "\",\"entitlementId\":\"e"
				+ resource + "\",\"sku\":\"products/bench/skus/vm\",\"meter\":\"vm-hours\",\"unit\":\"HOUR\","
				+ "\"quantity\":\"1\",\"windowStart\":\"" + start + "\",\"windowEnd\":\"" + end + "\"}}";
	}

}
