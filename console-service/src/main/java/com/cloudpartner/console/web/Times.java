package com.cloudpartner.console.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Instants of the API as the end user reads them: local time in the console's zone. */
public final class Times {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter TIME_WITH_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Times() {
	}

	/**
	 * An RFC 3339 instant as local time in the zone; anything else as sent, null as "".
	 */
	public static String local(String instant, ZoneId zone) {
		return format(instant, zone, TIME);
	}

	/** Like {@link #local} with seconds, for jobs that take a few. */
	public static String localWithSeconds(String instant, ZoneId zone) {
		return format(instant, zone, TIME_WITH_SECONDS);
	}

	private static String format(String instant, ZoneId zone, DateTimeFormatter format) {
		if (instant == null) {
			return "";
		}
		try {
			return format.format(Instant.parse(instant).atZone(zone));
		}
		catch (DateTimeParseException ex) {
			return instant;
		}
	}

}
