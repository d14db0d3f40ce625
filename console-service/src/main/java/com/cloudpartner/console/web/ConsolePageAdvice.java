package com.cloudpartner.console.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.partner.PartnerAccount;
import com.cloudpartner.console.partner.PartnerAccounts;
import com.cloudpartner.console.partner.PartnerSuspendedException;
import com.cloudpartner.console.session.ConsoleSession;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.support.problem.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages for what a console page cannot get past: no session (401), a suspended
 * partner (403), a form without the session's CSRF token (403), something that is not the
 * customer's or not there (404), a refusal of the API (its status) and an API that does
 * not answer (503). Each in the user's language, never with a stack trace. Anything else
 * falls through to {@link ConsoleErrorAdvice}.
 */
@ControllerAdvice(basePackages = "com.cloudpartner.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsolePageAdvice {

	static final String PROBLEM_VIEW = "console/problem";

	private static final Logger log = LoggerFactory.getLogger(ConsolePageAdvice.class);

	private final Notices notices;

	private final PartnerAccounts accounts;

	private final ApiErrors errors;

	ConsolePageAdvice(Notices notices, PartnerAccounts accounts, ApiErrors errors) {
		this.notices = notices;
		this.accounts = accounts;
		this.errors = errors;
	}

	@ExceptionHandler(SessionEndedException.class)
	ModelAndView sessionEnded(Locale locale, HttpServletRequest request, HttpServletResponse response)
			throws java.io.IOException {
		if (wantsJson(request)) {
			// the pages' scripts (job progress) and API clients: problem+json, not the
			// entry page
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(Problems.MEDIA_TYPE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write(Problems.json(401, "Unauthorized", "SESSION_ENDED",
						"The console session has ended; open the console again from the partner's site."));
			return null;
		}
		ModelAndView page = new ModelAndView("console/entry", HttpStatus.UNAUTHORIZED);
		page.addObject("notice", this.notices.of("session-ended", locale, null));
		return page;
	}

	@ExceptionHandler(PartnerSuspendedException.class)
	ModelAndView suspended(HttpServletRequest request, Locale locale) {
		ConsoleSessionInterceptor.sessionOf(request).ifPresent((s) -> this.accounts.forget(s.accountId()));
		PartnerAccount account = account(request).orElse(null);
		ModelAndView page = new ModelAndView("console/entry", HttpStatus.FORBIDDEN);
		page.addObject("notice",
				this.notices.of("suspended", locale, (account != null) ? account.displayName() : null));
		page.addObject("account", account);
		return page;
	}

	@ExceptionHandler(CsrfRejectedException.class)
	ModelAndView csrf(CsrfRejectedException ex, HttpServletRequest request) {
		log.warn("Console form refused: {}", ex.getMessage());
		return problem(request, HttpStatus.FORBIDDEN, "csrf", null);
	}

	@ExceptionHandler(UpstreamRefusedException.class)
	ModelAndView refused(UpstreamRefusedException ex, HttpServletRequest request, Locale locale) {
		if (ex.isSuspension()) {
			return suspended(request, locale);
		}
		if (ex.isNotFound()) {
			log.info("Console page {}: {}", request.getRequestURI(), ex.getMessage());
			return problem(request, HttpStatus.NOT_FOUND, "not-found", null);
		}
		log.info("Console page {} refused: {}", request.getRequestURI(), ex.getMessage());
		return problem(request, HttpStatusCode.valueOf(ex.status()), "refused",
				this.errors.refusal(ex.status(), ex.code()));
	}

	@ExceptionHandler(UpstreamUnavailableException.class)
	ModelAndView unavailable(UpstreamUnavailableException ex, HttpServletRequest request) {
		log.warn("Console page {} unavailable: {}", request.getRequestURI(), ex.getMessage());
		return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", null);
	}

	private ModelAndView problem(HttpServletRequest request, HttpStatusCode status, String kind,
			ApiErrors.Refusal refusal) {
		ModelAndView page = new ModelAndView(PROBLEM_VIEW, status);
		page.addObject("problemKind", kind);
		page.addObject("refusal", refusal);
		Optional<ConsoleSession> session = ConsoleSessionInterceptor.sessionOf(request);
		session.ifPresent((s) -> {
			page.addObject("userId", s.userId());
			page.addObject("csrf", s.csrfToken());
		});
		account(request).ifPresent((account) -> page.addObject("account", account));
		return page;
	}

	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("json") && !accept.contains("text/html");
	}

	private Optional<PartnerAccount> account(HttpServletRequest request) {
		return ConsoleSessionInterceptor.sessionOf(request).map((s) -> this.accounts.find(s.accountId()));
	}

}
