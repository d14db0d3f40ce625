package com.cloudpartner.console.language;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The end-user console's language switch: {@code ?lang=ko} or {@code ?lang=en} on any
 * console page keeps that language in a cookie scoped to {@code /console} over the
 * browser's Accept-Language; other values are ignored. A display preference only, so a
 * link (GET) rather than a form. Each page gets the link to itself in the other language
 * as {@code languageSwitch}.
 */
class ConsoleLanguageSwitch implements HandlerInterceptor {

	static final String PARAMETER = "lang";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter(PARAMETER);
		if ("ko".equals(lang) || "en".equals(lang)) {
			LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
			if (resolver != null) {
				resolver.setLocale(request, response, Locale.forLanguageTag(lang));
			}
		}
		return true;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getViewName() == null || !"GET".equals(request.getMethod())) {
			return;
		}
		String other = "en".equals(RequestContextUtils.getLocale(request).getLanguage()) ? "ko" : "en";
		page.addObject("languageSwitch", new Link(link(request, other), other));
	}

	/** This page with the same query, only the language changed. */
	private static String link(HttpServletRequest request, String lang) {
		String query = request.getQueryString();
		return UriComponentsBuilder.fromPath(request.getRequestURI())
			.query(query)
			.replaceQueryParam(PARAMETER, lang)
			.build()
			.toUriString();
	}

	/**
	 * @param href this page in the other language
	 * @param lang the other language, {@code ko} or {@code en}
	 */
	record Link(String href, String lang) {

	}

}
