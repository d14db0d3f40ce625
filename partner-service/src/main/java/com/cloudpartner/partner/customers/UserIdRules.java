package com.cloudpartner.partner.customers;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a customer's {@code userId} may be: 3 to 16 letters, digits or underscores, and
 * not a word that would pass for the platform or its staff.
 */
final class UserIdRules {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_]{3,16}");

	static final Set<String> RESERVED = Set.of("admin", "administrator", "root", "system", "sysadmin", "operator",
			"support", "test", "guest", "null", "nil", "undefined", "none", "anonymous", "superuser", "su", "nobody",
			"daemon", "default", "public", "service", "api", "console", "help", "info", "security", "billing",
			"webmaster", "postmaster", "hostmaster", "master", "owner", "staff", "moderator", "user");

	private UserIdRules() {
	}

	/** Why the user id is refused, or empty when it is fine. */
	static Optional<String> problem(String userId) {
		if (userId == null || !FORMAT.matcher(userId).matches()) {
			return Optional.of("must be 3 to 16 letters, digits or underscores");
		}
		if (RESERVED.contains(userId.toLowerCase(Locale.ROOT))) {
			return Optional.of("is reserved");
		}
		return Optional.empty();
	}

}
