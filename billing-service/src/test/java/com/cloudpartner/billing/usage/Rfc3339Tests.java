package com.cloudpartner.billing.usage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Rfc3339Tests {

	@Test
	void readsWhatOffsetDateTimeReads() {
		for (String text : new String[] { "2026-11-23T05:00:00Z", "2026-11-23T05:00:00.5Z",
				"2026-11-23T05:00:00.123456789Z", "2026-11-23T14:00:00+09:00", "2026-11-22T23:30:00-05:30",
				"2024-02-29T23:59:59Z", "2026-11-23T05:00Z", "2026-11-23t05:00:00z", "2026-11-23T05:00:00+18:00",
				"0001-01-01T00:00:00Z", "2026-11-23T05:00:00.Z" }) {
			assertThat(Rfc3339.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
		}
	}

	@Test
	void refusesWhatOffsetDateTimeRefuses() {
		for (String text : new String[] { "2026-11-23", "2026-11-23T05:00:00", "2026-02-30T05:00:00Z",
				"2025-02-29T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T05:60:00Z", "2026-11-23T05:00:60Z",
				"2026-13-01T00:00:00Z", "2026-11-23T05:00:00.1234567890Z", "2026-11-23T05:00:00+18:30",
				"2026-11-23T05:00:00+0900", "2026-11-23T05:00:00ZZ", "2026-11-23 05:00:00Z", "+2026-11-23T05:00:00Z",
				"23.11.2026", "" }) {
			assertThatExceptionOfType(DateTimeParseException.class).as(text)
				.isThrownBy(() -> OffsetDateTime.parse(text));
			assertThatExceptionOfType(DateTimeParseException.class).as(text).isThrownBy(() -> Rfc3339.parse(text));
		}
	}

	/**
	 * The payload digests stored with every recorded event cover two instants as
	 * {@code Instant.toString} wrote them: the hand-written form must be the same text
	 * for every instant, or a resent event would read as a conflict.
	 */
	@Test
	void writesWhatInstantToStringWrites() {
		SplittableRandom random = new SplittableRandom(13);
		for (Instant instant : new Instant[] { Instant.EPOCH, Instant.MIN, Instant.MAX,
				Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("0000-12-31T23:59:59.999999999Z"),
				Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
				Instant.parse("1969-12-31T23:59:59.000000001Z"), Instant.parse("2024-02-29T12:00:00.100Z"),
				Instant.parse("2026-11-23T05:00:00.010200Z"), Instant.ofEpochSecond(-1, 999_000_000) }) {
			assertThat(Rfc3339.append(new StringBuilder(), instant)).as(instant.toString())
				.hasToString(instant.toString());
		}
		long[] ranges = { 4_000_000_000L, 260_000_000_000L, Instant.MAX.getEpochSecond() };
		int[] nanoSteps = { 1_000_000_000, 1_000_000, 1_000, 1 };
		for (int i = 0; i < 200_000; i++) {
			long range = ranges[i % ranges.length];
			long seconds = random.nextLong(-range, range);
			int step = nanoSteps[random.nextInt(nanoSteps.length)];
			int nanos = (step == 1_000_000_000) ? 0 : random.nextInt(1_000_000_000 / step) * step;
			Instant instant = Instant.ofEpochSecond(seconds, nanos);
			assertThat(Rfc3339.append(new StringBuilder("x"), instant).toString()).isEqualTo("x" + instant);
		}
	}

}
