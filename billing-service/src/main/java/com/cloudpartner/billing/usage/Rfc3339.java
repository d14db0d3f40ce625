package com.cloudpartner.billing.usage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses RFC 3339 timestamps. The form every metering source sends
 * ({@code 2026-11-23T05:00:00Z}, optionally with a fraction or a {@code +09:00} offset)
 * is read by hand, which costs a fraction of {@link OffsetDateTime#parse} (the JFR
 * profile of the ingestion benchmark found that parse at ~8% of the CPU on both the HTTP
 * and the consumer side, three timestamps per event); anything else falls back to it, so
 * both accept and refuse exactly the same texts.
 */
final class Rfc3339 {

	/** 0001-01-01T00:00:00Z */
	private static final long FIRST_FAST = -62_135_596_800L;

	/** 9999-12-31T23:59:59Z */
	private static final long LAST_FAST = 253_402_300_799L;

	private Rfc3339() {
	}

	/**
	 * The instant of an RFC 3339 date-time.
	 * @throws DateTimeParseException when the text is not one
	 */
	static Instant parse(String text) {
		Instant fast = fast(text);
		return (fast != null) ? fast : OffsetDateTime.parse(text).toInstant();
	}

	private static Instant fast(String s) {
		int n = s.length();
		if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
				|| s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59
				|| second > 59) {
			return null;
		}
		int i = 19;
		int nanos = 0;
		if (s.charAt(i) == '.') {
			int from = ++i;
			while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
				i++;
			}
			int count = i - from;
			if (count == 0 || count > 9) {
				return null;
			}
			nanos = digits(s, from, count);
			for (int k = count; k < 9; k++) {
				nanos *= 10;
			}
		}
		int offsetSeconds;
		if (i == n - 1 && s.charAt(i) == 'Z') {
			offsetSeconds = 0;
		}
		else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
			int oh = digits(s, i + 1, 2);
			int om = digits(s, i + 4, 2);
			if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
				return null;
			}
			offsetSeconds = ((s.charAt(i) == '-') ? -1 : 1) * (oh * 3600 + om * 60);
		}
		else {
			return null;
		}
		try {
			long days = LocalDate.of(year, month, day).toEpochDay();
			return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
		}
		catch (DateTimeException ex) {
			// an impossible date such as February 30th: let the full parser refuse it
			return null;
		}
	}

	/**
	 * Appends exactly what {@link Instant#toString} gives (ISO-8601 in UTC, the fraction
	 * in groups of three digits, none when zero), written by hand for the years 1 to 9999
	 * and by {@code toString} otherwise: the consumer formats two instants per event into
	 * the payload that its digest covers, and {@code DateTimeFormatter} cost ~3 % of the
	 * ingestion benchmark's CPU there.
	 */
	static StringBuilder append(StringBuilder text, Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST_FAST || seconds > LAST_FAST) {
			return text.append(instant);
		}
		long days = Math.floorDiv(seconds, 86_400);
		int secondOfDay = (int) Math.floorMod(seconds, 86_400);
		LocalDate date = LocalDate.ofEpochDay(days);
		pad(text, date.getYear(), 4).append('-');
		pad(text, date.getMonthValue(), 2).append('-');
		pad(text, date.getDayOfMonth(), 2).append('T');
		pad(text, secondOfDay / 3600, 2).append(':');
		pad(text, secondOfDay / 60 % 60, 2).append(':');
		pad(text, secondOfDay % 60, 2);
		int nanos = instant.getNano();
		if (nanos != 0) {
			text.append('.');
			if (nanos % 1_000_000 == 0) {
				pad(text, nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				pad(text, nanos / 1_000, 6);
			}
			else {
				pad(text, nanos, 9);
			}
		}
		return text.append('Z');
	}

	private static StringBuilder pad(StringBuilder text, int value, int width) {
		for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
			if (value < limit) {
				text.append('0');
			}
		}
		return text.append(value);
	}

	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
