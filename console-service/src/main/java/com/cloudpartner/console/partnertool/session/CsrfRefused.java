package com.cloudpartner.console.partnertool.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A state-changing request of the partner tool without the CSRF token of its session (or,
 * on the sign-in form, of its sign-in cookie): refused with a 403 page, nothing done.
 */
public class CsrfRefused extends RuntimeException {

	public CsrfRefused() {
		super("CSRF token missing or wrong", null, false, false);
	}

	/** Compares in constant time; a missing value never matches. */
	public static boolean matches(String expected, String actual) {
		if (expected == null || expected.isEmpty() || actual == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
