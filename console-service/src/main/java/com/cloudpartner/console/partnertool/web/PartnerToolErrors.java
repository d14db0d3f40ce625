package com.cloudpartner.console.partnertool.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.partner.PartnerSuspendedException;
import com.cloudpartner.console.partnertool.api.ApiRefusal;
import com.cloudpartner.console.partnertool.api.SessionRejected;
import com.cloudpartner.console.partnertool.session.CsrfRefused;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.session.PartnerSessionCookies;
import com.cloudpartner.console.partnertool.session.PartnerSessions;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The tool answers every failure with a page in the member's language, never a stack
 * trace or an upstream body: a refused form (CSRF), an ended session, a suspended
 * partner, partner-service unavailable, something not found, or a bug.
 */
@ControllerAdvice(basePackages = "com.cloudpartner.console.partnertool")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PartnerToolErrors {

	private static final Logger log = LoggerFactory.getLogger(PartnerToolErrors.class);

	private final PartnerSessions sessions;

	PartnerToolErrors(PartnerSessions sessions) {
		this.sessions = sessions;
	}

	@ExceptionHandler(CsrfRefused.class)
	ModelAndView csrf(HttpServletRequest request) {
		log.info("Partner tool {} {} refused: CSRF token missing or wrong", request.getMethod(),
				request.getRequestURI());
		return Views.notice("csrf", HttpStatus.FORBIDDEN, session(request));
	}

	@ExceptionHandler(SessionRejected.class)
	ModelAndView rejected(HttpServletRequest request, HttpServletResponse response) {
		end(request, response);
		return Views.redirect("/partner/sign-in?notice=expired");
	}

	@ExceptionHandler(PartnerSuspendedException.class)
	ModelAndView suspended(HttpServletRequest request, HttpServletResponse response) {
		end(request, response);
		return Views.notice("suspended", HttpStatus.FORBIDDEN, null);
	}

	@ExceptionHandler(UpstreamUnavailableException.class)
	ModelAndView unavailable(UpstreamUnavailableException ex, HttpServletRequest request) {
		log.warn("Partner tool {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		return Views.notice("unavailable", HttpStatus.SERVICE_UNAVAILABLE, session(request));
	}

	@ExceptionHandler(ApiRefusal.class)
	ModelAndView refused(ApiRefusal ex, HttpServletRequest request) {
		log.info("Partner tool {} {}: partner-service refused {}", request.getMethod(), request.getRequestURI(), ex);
		HttpStatus status = HttpStatus.resolve(ex.status());
		String kind = switch (ex.status()) {
			case 404 -> "not-found";
			case 403 -> "forbidden";
			default -> "refused";
		};
		return Views.notice(kind, (status != null) ? status : HttpStatus.BAD_REQUEST, session(request));
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			log.info("Partner tool {} {} refused: {}", request.getMethod(), request.getRequestURI(), ex.toString());
			HttpStatus status = HttpStatus.resolve(known.getStatusCode().value());
			return Views.notice("bad-request", (status != null) ? status : HttpStatus.BAD_REQUEST, session(request));
		}
		log.error("Partner tool {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return Views.notice("error", HttpStatus.INTERNAL_SERVER_ERROR, session(request));
	}

	private void end(HttpServletRequest request, HttpServletResponse response) {
		PartnerSession session = session(request);
		if (session != null) {
			log.info("Partner tool session of {} ended by partner-service", session);
			this.sessions.close(session.id());
		}
		PartnerSessionCookies.clear(request, response);
	}

	private static PartnerSession session(HttpServletRequest request) {
		return (request.getAttribute(PartnerSession.class.getName()) instanceof PartnerSession session) ? session
				: null;
	}

}
