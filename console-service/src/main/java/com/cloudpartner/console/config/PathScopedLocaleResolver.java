package com.cloudpartner.console.config;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * One locale resolver for the two user interfaces this service serves: requests under
 * {@code /console} keep the end user's choice in the console's cookie, every other
 * request (the partner tool under {@code /partner}) in the partner tool's. Both fall back
 * to Accept-Language.
 */
class PathScopedLocaleResolver implements LocaleResolver {

	private final CookieLocaleResolver partnerTool;

	private final CookieLocaleResolver console;

	PathScopedLocaleResolver(CookieLocaleResolver partnerTool, CookieLocaleResolver console) {
		this.partnerTool = partnerTool;
		this.console = console;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		return of(request).resolveLocale(request);
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		of(request).setLocale(request, response, locale);
	}

	private CookieLocaleResolver of(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return (path.equals("/console") || path.startsWith("/console/")) ? this.console : this.partnerTool;
	}

}
