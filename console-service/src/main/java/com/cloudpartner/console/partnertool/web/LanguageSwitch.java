package com.cloudpartner.console.partnertool.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The tool's language switch: {@code ?lang=ko} or {@code ?lang=en} on any page keeps that
 * language (in a cookie) over the browser's Accept-Language. Other values are ignored.
 * Only a display preference, so a link rather than a form.
 */
class LanguageSwitch implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String lang = request.getParameter("lang");
		if ("ko".equals(lang) || "en".equals(lang)) {
			LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
			if (resolver != null) {
				resolver.setLocale(request, response, Locale.forLanguageTag(lang));
			}
		}
		return true;
	}

	/** Pages link to themselves in the other language. */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView != null && modelAndView.getViewName() != null) {
			modelAndView.addObject("currentPath", request.getRequestURI());
		}
	}

}
