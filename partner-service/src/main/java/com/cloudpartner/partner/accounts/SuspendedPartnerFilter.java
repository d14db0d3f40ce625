package com.cloudpartner.partner.accounts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.support.problem.Problems;
import com.cloudpartner.support.security.BearerTokenFilter;
import com.cloudpartner.support.security.VerifiedToken;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops the tokens of a suspended partner at once: every request whose verified token
 * acts for a partner account is checked against the account's current state (a primary
 * key read), so a suspension takes effect on the next request, not when the tokens
 * expire. Operators and platform clients carry no account and pass.
 */
class SuspendedPartnerFilter extends OncePerRequestFilter {

	private final PartnerAccountManagement accounts;

	SuspendedPartnerFilter(PartnerAccountManagement accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(BearerTokenFilter.ATTRIBUTE) instanceof VerifiedToken token
				&& token.accountId() != null && !token.isOperator() && this.accounts.isSuspended(token.accountId())) {
			response.setStatus(403);
			response.setContentType(Problems.MEDIA_TYPE);
			response.getOutputStream()
				.write(Problems
					.json(403, "Forbidden", "PARTNER_SUSPENDED",
							"The partner account " + token.accountId() + " is suspended; its tokens do not work.")
					.getBytes(StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(request, response);
	}

}
