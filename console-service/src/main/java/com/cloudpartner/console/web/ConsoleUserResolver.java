package com.cloudpartner.console.web;

import jakarta.servlet.http.HttpServletRequest;

import com.cloudpartner.console.partner.PartnerAccount;
import com.cloudpartner.console.partner.PartnerAccounts;
import com.cloudpartner.console.partner.PartnerSuspendedException;
import com.cloudpartner.console.session.ConsoleSession;
import com.cloudpartner.console.session.CustomerTokens;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link ConsoleUser} handler arguments from the session that
 * {@link ConsoleSessionInterceptor} found: no session is a {@link SessionEndedException},
 * a suspended partner a {@link PartnerSuspendedException}, and no usable console token an
 * {@code UpstreamUnavailableException}.
 */
@Component
public class ConsoleUserResolver implements HandlerMethodArgumentResolver {

	private final PartnerAccounts accounts;

	private final CustomerTokens tokens;

	ConsoleUserResolver(PartnerAccounts accounts, CustomerTokens tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType().equals(ConsoleUser.class);
	}

	@Override
	public ConsoleUser resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
			NativeWebRequest request, WebDataBinderFactory binders) {
		HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
		ConsoleSession session = ConsoleSessionInterceptor.sessionOf(http).orElseThrow(SessionEndedException::new);
		PartnerAccount account = this.accounts.find(session.accountId());
		if (account.suspended()) {
			throw new PartnerSuspendedException(session.accountId());
		}
		return new ConsoleUser(session, account, this.tokens.current(session));
	}

}
