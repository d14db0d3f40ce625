package com.cloudpartner.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.support.problem.Problems;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Actuator endpoints other than health and info (metrics carry partner account ids as
 * labels, decision 0057) answer only to an operator's bearer token: none is
 * {@code 401 TOKEN_MISSING}, an invalid one {@code 401 TOKEN_INVALID}, another caller's
 * {@code 403 OPERATOR_ONLY}, all problem+json.
 */
public class ActuatorAccessFilter extends OncePerRequestFilter {

	private final TokenVerifier verifier;

	public ActuatorAccessFilter(TokenVerifier verifier) {
		this.verifier = verifier;
	}

	/** Whether the path is an actuator endpoint that needs an operator. */
	public static boolean guarded(String path) {
		if (!(path.equals("/actuator") || path.startsWith("/actuator/"))) {
			return false;
		}
		return !(path.equals("/actuator/health") || path.startsWith("/actuator/health/")
				|| path.equals("/actuator/info"));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !guarded(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			reject(response, 401, "Unauthorized", "TOKEN_MISSING", "An operator's bearer token is required.");
			return;
		}
		VerifiedToken token;
		try {
			token = this.verifier.verify(header.substring(7).trim());
		}
		catch (InvalidTokenException ex) {
			reject(response, 401, "Unauthorized", "TOKEN_INVALID", ex.getMessage());
			return;
		}
		if (!token.isOperator()) {
			reject(response, 403, "Forbidden", "OPERATOR_ONLY", "Only an operator may read this endpoint.");
			return;
		}
		chain.doFilter(request, response);
	}

	private static void reject(HttpServletResponse response, int status, String title, String code, String detail)
			throws IOException {
		response.setStatus(status);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		response.setContentType(Problems.MEDIA_TYPE);
		response.getOutputStream().write(Problems.json(status, title, code, detail).getBytes(StandardCharsets.UTF_8));
	}

}
