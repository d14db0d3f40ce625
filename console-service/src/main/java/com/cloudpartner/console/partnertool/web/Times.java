package com.cloudpartner.console.partnertool.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import com.cloudpartner.console.config.ConsoleProperties;

import org.springframework.stereotype.Component;

/**
 * Times as the tool shows them: RFC 3339 instants from the API in the platform's zone
 * ({@code platform.console.time-zone}); used in templates as
 * {@code ${@partnerToolTimes.format(value)}}.
 */
@Component("partnerToolTimes")
public class Times {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final ZoneId zone;

	Times(ConsoleProperties properties) {
		this.zone = properties.timeZone();
	}

	public String format(String instant) {
		if (instant == null || instant.isBlank()) {
			return "";
		}
		try {
			return FORMAT.format(Instant.parse(instant).atZone(this.zone));
		}
		catch (DateTimeParseException ex) {
			return instant;
		}
	}

}
