package com.cloudpartner.console.partnertool.session;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The partner tool's cookies, apart from the end-user console's: {@code PARTNER_SESSION}
 * (the session id, scoped to {@code /partner}) and {@code PARTNER_SIGNIN} (the sign-in
 * form's CSRF value, scoped to the sign-in page). Both HttpOnly and SameSite=Lax, and
 * Secure whenever the browser reached us over HTTPS (also behind a TLS-terminating proxy,
 * through {@code X-Forwarded-Proto}).
 */
public final class PartnerSessionCookies {

	public static final String SESSION = "PARTNER_SESSION";

	public static final String SIGN_IN = "PARTNER_SIGNIN";

	public static final String PATH = "/partner";

	public static final String SIGN_IN_PATH = "/partner/sign-in";

	private PartnerSessionCookies() {
	}

	public static void issue(HttpServletRequest request, HttpServletResponse response, PartnerSession session,
			Duration lifetime) {
		add(request, response, SESSION, session.id(), PATH, lifetime);
	}

	public static void clear(HttpServletRequest request, HttpServletResponse response) {
		add(request, response, SESSION, "", PATH, Duration.ZERO);
	}

	public static void issueSignIn(HttpServletRequest request, HttpServletResponse response, String value) {
		add(request, response, SIGN_IN, value, SIGN_IN_PATH, Duration.ofHours(1));
	}

	public static void clearSignIn(HttpServletRequest request, HttpServletResponse response) {
		add(request, response, SIGN_IN, "", SIGN_IN_PATH, Duration.ZERO);
	}

	private static void add(HttpServletRequest request, HttpServletResponse response, String name, String value,
			String path, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(name, value)
			.httpOnly(true)
			.secure(request.isSecure())
			.sameSite("Lax")
			.path(path)
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
