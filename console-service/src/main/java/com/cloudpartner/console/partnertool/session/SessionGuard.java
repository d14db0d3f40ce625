package com.cloudpartner.console.partnertool.session;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every page of the tool but sign-in needs a live session: without one the browser goes
 * to the sign-in page (told that the session ended when it still sent a cookie). Every
 * state-changing request must then carry the session's CSRF token in {@code _csrf}.
 */
class SessionGuard implements HandlerInterceptor {

	static final String ATTRIBUTE = PartnerSession.class.getName();

	static final String CSRF_PARAMETER = "_csrf";

	private final PartnerSessions sessions;

	SessionGuard(PartnerSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String cookie = cookie(request);
		Optional<PartnerSession> session = this.sessions.find(cookie);
		if (session.isEmpty()) {
			if (cookie != null && !cookie.isEmpty()) {
				PartnerSessionCookies.clear(request, response);
			}
			String target = PartnerSessionCookies.SIGN_IN_PATH
					+ ((cookie != null && !cookie.isEmpty()) ? "?notice=expired" : "");
			response.setStatus(HttpStatus.SEE_OTHER.value());
			response.setHeader("Location", request.getContextPath() + target);
			return false;
		}
		request.setAttribute(ATTRIBUTE, session.get());
		if (!isSafe(request.getMethod())
				&& !CsrfRefused.matches(session.get().csrfToken(), request.getParameter(CSRF_PARAMETER))) {
			throw new CsrfRefused();
		}
		return true;
	}

	static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (PartnerSessionCookies.SESSION.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	private static boolean isSafe(String method) {
		return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
	}

}
