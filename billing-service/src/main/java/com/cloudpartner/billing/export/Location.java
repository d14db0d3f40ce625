package com.cloudpartner.billing.export;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export's {@code location.*} from the one location string a metering source reports
 * ({@code kr-central-1} a region, {@code kr-central-1a} or {@code kr-central-1-a} a zone
 * of it): {@code location} is the string as reported, {@code region} the region part,
 * {@code zone} the string when it names a zone, {@code country} the upper-cased
 * two-letter prefix when there is one.
 *
 * @param location as reported, or {@code null}
 * @param country ISO country code, or {@code null}
 * @param region the region, or {@code null}
 * @param zone the zone, or {@code null}
 */
record Location(String location, String country, String region, String zone) {

	private static final Location NONE = new Location(null, null, null, null);

	private static final Pattern ZONE = Pattern.compile("(.*\\d)-?([a-z])");

	private static final Pattern COUNTRY = Pattern.compile("([a-z]{2})-.*");

	static Location of(String reported) {
		if (reported == null || reported.isBlank()) {
			return NONE;
		}
		String value = reported.toLowerCase(Locale.ROOT);
		Matcher zone = ZONE.matcher(value);
		boolean isZone = zone.matches();
		String region = isZone ? zone.group(1) : value;
		Matcher country = COUNTRY.matcher(value);
		return new Location(reported, country.matches() ? country.group(1).toUpperCase(Locale.ROOT) : null, region,
				isZone ? value : null);
	}

}
