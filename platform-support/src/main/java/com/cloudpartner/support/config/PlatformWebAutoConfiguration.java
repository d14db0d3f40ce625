package com.cloudpartner.support.config;

import java.util.List;

import com.cloudpartner.support.problem.ProblemHandler;
import com.cloudpartner.support.security.ActuatorAccessFilter;
import com.cloudpartner.support.security.BearerTokenFilter;
import com.cloudpartner.support.security.SecurityProperties;
import com.cloudpartner.support.security.TenantBoundaryInterceptor;
import com.cloudpartner.support.security.TenantDirectory;
import com.cloudpartner.support.security.TokenVerifier;
import com.cloudpartner.support.security.VerifiedTokenArgumentResolver;
import com.cloudpartner.support.web.RequestIdFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request ids, bearer-token verification, operator-only actuator endpoints (but health
 * and info) and problem+json for every MVC service, and the tenant boundary
 * ({@link TenantBoundaryInterceptor}) of every service that provides a
 * {@link TenantDirectory}.
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformWebAutoConfiguration {

	@Bean
	ProblemHandler platformProblemHandler() {
		return new ProblemHandler();
	}

	@Bean
	FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
		FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(TokenVerifier verifier, SecurityProperties properties) {
		FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(
				new BearerTokenFilter(verifier, properties.publicPaths()));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ActuatorAccessFilter> actuatorAccessFilter(TokenVerifier verifier) {
		FilterRegistrationBean<ActuatorAccessFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAccessFilter(verifier));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
		return registration;
	}

	@Bean
	WebMvcConfigurer verifiedTokenArguments() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new VerifiedTokenArgumentResolver());
			}
		};
	}

	@Bean
	WebMvcConfigurer tenantBoundary(ObjectProvider<TenantDirectory> directory) {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				directory.ifAvailable((d) -> registry.addInterceptor(new TenantBoundaryInterceptor(d)));
			}
		};
	}

}
