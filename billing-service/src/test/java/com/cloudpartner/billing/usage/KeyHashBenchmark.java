package com.cloudpartner.billing.usage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Time per event of each SHA-256 the usage path computes, on the ingestion benchmark's
 * events: the series key (API and consumer), the identity key (the API's memory of
 * acknowledged usage), the event key (API and consumer) and the payload digest
 * (consumer), in one JVM, in interleaved rounds after five of warm-up:
 * {@code deploy/bench/billing-bench.sh keys [ROUNDS]}. Prints the medians in ns per
 * event.
 */
public final class KeyHashBenchmark {

	private static final int EVENTS = 100_000;

	private KeyHashBenchmark() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 15;
		JsonMapper json = JsonMapper.builder().build();
		List<UsageEvent> events = new ArrayList<>(EVENTS);
		for (int n = 0; n < EVENTS; n++) {
			try (JsonParser parser = json.createParser(EventReadBenchmark.event(n))) {
				parser.nextToken();
				events.add(((UsageEventValidator.Valid) UsageEventValidator.validate(EventFields.read(parser, false)))
					.event());
			}
		}
		String[] names = { "series key", "identity key", "event key", "payload digest" };
		List<ToLongFunction<UsageEvent>> keys = List.of((e) -> UsageIdentities.seriesKey(e).getLeastSignificantBits(),
				(e) -> UsageIdentities.identityKey(e).getLeastSignificantBits(),
				(e) -> UsageIdentities.eventKey(e).getLeastSignificantBits(),
				(e) -> UsageIdentities.payloadDigest(e)[0]);
		double[][] times = new double[names.length][rounds];
		long sink = 0;
		for (int r = -5; r < rounds; r++) {
			for (int k = 0; k < names.length; k++) {
				long started = System.nanoTime();
				for (UsageEvent event : events) {
					sink += keys.get(k).applyAsLong(event);
				}
				if (r >= 0) {
					times[k][r] = (System.nanoTime() - started) / (double) EVENTS;
				}
			}
		}
		for (int k = 0; k < names.length; k++) {
			Arrays.sort(times[k]);
			System.out.printf("%s: median %.0f ns per event (min %.0f)%n", names[k], times[k][rounds / 2], times[k][0]);
		}
		System.out.println("(" + sink + ")");
	}

}
