package com.cloudpartner.console.web;

import java.util.regex.Pattern;

/**
 * Ids of the API's resources and jobs as they may appear in a console URL: letters,
 * digits, hyphens and underscores. Anything else is not looked up at all.
 */
public final class Ids {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

	private Ids() {
	}

	public static boolean valid(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** The last segment of a resource name ({@code .../servers/{id}}). */
	public static String lastSegment(String name) {
		return (name != null) ? name.substring(name.lastIndexOf('/') + 1) : null;
	}

}
