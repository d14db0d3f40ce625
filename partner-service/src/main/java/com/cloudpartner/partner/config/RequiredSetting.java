package com.cloudpartner.partner.config;

/**
 * Fails the start of the service when a secret is not configured: only the {@code local}
 * profile carries development defaults, every other profile must get real values.
 */
public final class RequiredSetting {

	private RequiredSetting() {
	}

	/**
	 * Returns the value, or fails naming the property and its environment variable.
	 */
	public static String require(String value, String property, String environmentVariable) {
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("Set " + property + " (env " + environmentVariable
					+ "): it has no default outside the 'local' profile.");
		}
		return value;
	}

}
