package com.cloudpartner.console.web;

import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.console.session.ConsoleSession;
import com.cloudpartner.console.session.ConsoleSessions;
import com.cloudpartner.console.session.SessionCookies;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Finds the console session of every console page and refuses any form posted in a
 * session without that session's CSRF token. The entry ({@code POST /console}) is not
 * checked: it comes from the partner's site by design and opens a new session.
 */
@Component
public class ConsoleSessionInterceptor implements HandlerInterceptor {

	static final String SESSION_ATTRIBUTE = ConsoleSession.class.getName();

	private final ConsoleSessions sessions;

	ConsoleSessionInterceptor(ConsoleSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Optional<ConsoleSession> session = find(request);
		session.ifPresent((s) -> request.setAttribute(SESSION_ATTRIBUTE, s));
		if ("POST".equals(request.getMethod()) && !"/console".equals(request.getRequestURI()) && session.isPresent()
				&& !session.get().acceptsCsrfToken(request.getParameter(ConsoleUser.CSRF_FIELD))) {
			throw new CsrfRejectedException(request.getRequestURI());
		}
		return true;
	}

	private Optional<ConsoleSession> find(HttpServletRequest request) {
		if (request.getAttribute(SESSION_ATTRIBUTE) instanceof ConsoleSession known) {
			return Optional.of(known);
		}
		Cookie cookie = WebUtils.getCookie(request, SessionCookies.NAME);
		return this.sessions.find((cookie != null) ? cookie.getValue() : null);
	}

	/** The session this request was found to belong to, if any. */
	static Optional<ConsoleSession> sessionOf(HttpServletRequest request) {
		return (request.getAttribute(SESSION_ATTRIBUTE) instanceof ConsoleSession session) ? Optional.of(session)
				: Optional.empty();
	}

}
