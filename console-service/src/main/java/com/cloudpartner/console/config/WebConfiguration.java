package com.cloudpartner.console.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.cloudpartner.console.web.ConsoleSessionInterceptor;
import com.cloudpartner.console.web.ConsoleUserResolver;
import com.cloudpartner.console.web.ContentSecurityPolicy;
import com.cloudpartner.console.web.SecurityHeadersFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Language (from Accept-Language, Korean by default; the partner tool's switch), the
 * console's security headers, and the session (with its CSRF check) of every console
 * page.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_COOKIE = "PARTNER_LANG";

	static final String CONSOLE_LANGUAGE_COOKIE = "CONSOLE_LANG";

	private final ConsoleSessionInterceptor sessions;

	private final ConsoleUserResolver users;

	WebConfiguration(ConsoleSessionInterceptor sessions, ConsoleUserResolver users) {
		this.sessions = sessions;
		this.users = users;
	}

	/**
	 * Accept-Language (Korean by default), unless a language switch left its cookie: the
	 * partner tool's is scoped to {@code /partner}, the end-user console's to
	 * {@code /console}, so neither tool sees (or overwrites) the other's choice.
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver acceptHeader = new AcceptHeaderLocaleResolver();
		acceptHeader.setSupportedLocales(List.of(Locale.KOREAN, Locale.ENGLISH));
		acceptHeader.setDefaultLocale(Locale.KOREAN);
		return new PathScopedLocaleResolver(languageCookie(LANGUAGE_COOKIE, "/partner", acceptHeader),
				languageCookie(CONSOLE_LANGUAGE_COOKIE, "/console", acceptHeader));
	}

	private static CookieLocaleResolver languageCookie(String name, String path,
			AcceptHeaderLocaleResolver acceptHeader) {
		CookieLocaleResolver resolver = new CookieLocaleResolver(name);
		resolver.setCookiePath(path);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setDefaultLocaleFunction(acceptHeader::resolveLocale);
		return resolver;
	}

	@Bean
	FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter() {
		FilterRegistrationBean<SecurityHeadersFilter> registration = new FilterRegistrationBean<>(
				new SecurityHeadersFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ContentSecurityPolicy()).addPathPatterns("/console", "/console/**");
		registry.addInterceptor(this.sessions)
			.addPathPatterns("/console", "/console/**")
			.excludePathPatterns("/console/assets/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.users);
	}

}
