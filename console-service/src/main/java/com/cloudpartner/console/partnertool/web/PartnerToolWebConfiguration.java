package com.cloudpartner.console.partnertool.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The tool's security headers and language switch. */
@Configuration(proxyBeanMethods = false)
class PartnerToolWebConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<PartnerToolHeaders> partnerToolHeaders() {
		FilterRegistrationBean<PartnerToolHeaders> registration = new FilterRegistrationBean<>(
				new PartnerToolHeaders());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		registration.addUrlPatterns("/partner", "/partner/*");
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LanguageSwitch()).addPathPatterns("/partner", "/partner/**").order(-10);
	}

}
