package com.cloudpartner.console.language;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The language switch on every console page (not on its static assets). */
@Configuration(proxyBeanMethods = false)
class LanguageWebConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ConsoleLanguageSwitch())
			.addPathPatterns("/console", "/console/**")
			.excludePathPatterns("/console/assets/**");
	}

}
