package com.cloudpartner.billing.usage;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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

}
