package com.cloudpartner.console.session;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The {@code CONSOLE_SESSION} cookie: HttpOnly, SameSite=Lax, scoped to {@code /console},
 * Secure whenever the browser reached us over HTTPS (also behind a TLS-terminating proxy,
 * through {@code X-Forwarded-Proto}).
 */
public final class SessionCookies {

	public static final String NAME = "CONSOLE_SESSION";

	public static final String PATH = "/console";

	private SessionCookies() {
	}

	public static void issue(HttpServletRequest request, HttpServletResponse response, ConsoleSession session,
			Duration lifetime) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, session.id(), lifetime).toString());
	}

	public static void clear(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
	}

	private static ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
		return ResponseCookie.from(NAME, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path(PATH)
			.maxAge(maxAge)
			.build();
	}

}
