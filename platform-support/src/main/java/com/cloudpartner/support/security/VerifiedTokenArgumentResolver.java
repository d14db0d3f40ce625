package com.cloudpartner.support.security;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take the caller's {@link VerifiedToken} as an argument. */
public class VerifiedTokenArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == VerifiedToken.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		Object token = webRequest.getAttribute(BearerTokenFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (token == null) {
			if (parameter.isOptional()) {
				return null;
			}
			throw ApiProblem.unauthorized("TOKEN_MISSING", "A bearer token is required.");
		}
		return token;
	}

}
