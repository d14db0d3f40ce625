package com.cloudpartner.console.partnertool.session;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link SessionGuard} in front of the tool's pages (not sign-in, not its static
 * assets) and lets handlers take the {@link PartnerSession} as an argument.
 */
@Configuration(proxyBeanMethods = false)
class SessionWebConfiguration implements WebMvcConfigurer {

	private final PartnerSessions sessions;

	SessionWebConfiguration(PartnerSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SessionGuard(this.sessions))
			.addPathPatterns("/partner", "/partner/**")
			.excludePathPatterns(PartnerSessionCookies.SIGN_IN_PATH, "/partner/assets/**");
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new HandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return PartnerSession.class.equals(parameter.getParameterType());
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
					NativeWebRequest request, WebDataBinderFactory binders) {
				Object session = request.getAttribute(SessionGuard.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
				if (session == null) {
					throw new IllegalStateException("no partner session: is the page behind SessionGuard?");
				}
				return session;
			}

		});
	}

}
