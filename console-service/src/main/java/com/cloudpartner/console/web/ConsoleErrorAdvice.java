package com.cloudpartner.console.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Console pages answer with HTML even when something unexpected happens: a friendly page,
 * never a stack trace, and never the problem+json that platform-support renders for APIs.
 * Upstream failures are handled inside the pages or by {@link ConsolePageAdvice}; what
 * reaches this is a bug.
 */
@ControllerAdvice(basePackages = { "com.cloudpartner.console.entry", "com.cloudpartner.console.home",
		"com.cloudpartner.console.servers", "com.cloudpartner.console.jobs" })
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ConsoleErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleErrorAdvice.class);

	private final Notices notices;

	ConsoleErrorAdvice(Notices notices) {
		this.notices = notices;
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request, Locale locale) {
		HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
		if (ex instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
			// a request Spring MVC could not bind, for one
			status = known.getStatusCode();
			log.info("Console page {} refused: {}", request.getRequestURI(), ex.toString());
		}
		else {
			log.error("Console page {} failed", request.getRequestURI(), ex);
		}
		ModelAndView page = new ModelAndView("console/error", status);
		page.addObject("notice", this.notices.of("error", locale, null));
		return page;
	}

}
