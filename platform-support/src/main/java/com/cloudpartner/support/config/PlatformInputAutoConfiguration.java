package com.cloudpartner.support.config;

import com.cloudpartner.support.input.ProblemErrorController;
import com.cloudpartner.support.input.ProblemErrorReportValve;
import com.cloudpartner.support.input.RequestTextFilter;
import com.cloudpartner.support.input.TextCheckingModule;
import com.cloudpartner.support.paging.PageTokens;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Bad input never reaches a service's code and never gets an answer other than
 * problem+json: strings of JSON bodies, paths, query parameters and form fields without
 * NUL characters or unpaired surrogates, a bounded {@code Idempotency-Key}, and
 * problem+json for what Tomcat and the {@code /error} page answer themselves; the paging
 * secret of {@link PageTokens}.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class, after = PlatformWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformInputAutoConfiguration {

	PlatformInputAutoConfiguration(Environment environment) {
		String secret = environment.getProperty("platform.paging.token-secret");
		if (StringUtils.hasText(secret)) {
			PageTokens.useSecret(secret);
		}
	}

	@Bean
	TextCheckingModule platformTextCheckingModule() {
		return new TextCheckingModule();
	}

	@Bean
	FilterRegistrationBean<RequestTextFilter> requestTextFilter() {
		FilterRegistrationBean<RequestTextFilter> registration = new FilterRegistrationBean<>(new RequestTextFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	@Bean
	ErrorController platformErrorController(ErrorAttributes errorAttributes,
			ObjectProvider<ErrorViewResolver> errorViewResolvers) {
		return new ProblemErrorController(errorAttributes, errorViewResolvers.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TomcatServletWebServerFactory.class)
	static class TomcatErrors {

		/**
		 * Replaces Tomcat's HTML error report (and the one Boot adds) on the host by
		 * {@link ProblemErrorReportValve}.
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
			return new ProblemValveCustomizer();
		}

	}

	static final class ProblemValveCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				Container parent = context.getParent();
				for (Valve valve : parent.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
						parent.getPipeline().removeValve(valve);
					}
				}
				if (parent instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
