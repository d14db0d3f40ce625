package com.cloudpartner.support.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The tenant boundary every service applies before its handlers (decision 0057):
 * <ul>
 * <li>a token that acts for a suspended partner account is refused with
 * {@code 403 PARTNER_SUSPENDED} (as the gateway and partner-service do, decision 0013):
 * partner, read-only, {@code usage.write} and console tokens alike;</li>
 * <li>a path naming {@code {accountId}} and {@code {customerId}} answers
 * {@code 404 CUSTOMER_NOT_FOUND} unless the customer belongs to that account, before the
 * handler does anything.</li>
 * </ul>
 * The customer check runs only for a caller that may act on the account (an operator, or
 * a token of that account): any other caller is refused by the handler's own access rule
 * without learning whether the customer exists. Plumbing only: what is suspended and
 * which customers exist is the service's {@link TenantDirectory}.
 */
public class TenantBoundaryInterceptor implements HandlerInterceptor {

	private final TenantDirectory directory;

	public TenantBoundaryInterceptor(TenantDirectory directory) {
		this.directory = directory;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(request.getAttribute(BearerTokenFilter.ATTRIBUTE) instanceof VerifiedToken token)) {
			return true;
		}
		if (token.accountId() != null && !token.isOperator() && this.directory.isSuspended(token.accountId())) {
			throw ApiProblem.forbidden("PARTNER_SUSPENDED",
					"The partner account " + token.accountId() + " is suspended; its tokens do not work.");
		}
		if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)) {
			return true;
		}
		if (variables.get("accountId") instanceof String accountId
				&& variables.get("customerId") instanceof String customerId) {
			requireCustomer(token, accountId, customerId, request.getHeader("Authorization"));
		}
		return true;
	}

	private void requireCustomer(VerifiedToken token, String accountId, String customerId, String authorization) {
		if (!token.isOperator() && !accountId.equals(token.accountId())) {
			return;
		}
		if (token.isConsole()) {
			// minted by partner-service for exactly this customer; another customer is
			// refused by the handler
			return;
		}
		if (!this.directory.hasCustomer(accountId, customerId, authorization)) {
			throw ApiProblem.notFound("CUSTOMER_NOT_FOUND",
					"There is no customer accounts/" + accountId + "/customers/" + customerId + ".");
		}
	}

}
