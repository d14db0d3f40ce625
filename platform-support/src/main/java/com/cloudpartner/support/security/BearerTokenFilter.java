package com.cloudpartner.support.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.support.problem.Problems;

import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Verifies the bearer token of every {@code /v1} request, also behind the gateway
 * (defence in depth). Public paths pass without a token; a token that is present is
 * verified anyway. The verified token is left in the request for {@link VerifiedToken}
 * controller arguments.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = VerifiedToken.class.getName();

	private final TokenVerifier verifier;

	private final List<PublicPath> publicPaths;

	public BearerTokenFilter(TokenVerifier verifier, List<String> publicPaths) {
		this.verifier = verifier;
		this.publicPaths = publicPaths.stream().map(PublicPath::parse).toList();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.startsWith("/v1/") || path.equals("/v1"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		boolean open = isPublic(request);
		if (header == null || header.isBlank()) {
			if (open) {
				chain.doFilter(request, response);
			}
			else {
				reject(response, "TOKEN_MISSING", "A bearer token is required.");
			}
			return;
		}
		if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			if (open) {
				// Basic authentication of the token endpoint, for one
				chain.doFilter(request, response);
			}
			else {
				reject(response, "TOKEN_MISSING", "A bearer token is required.");
			}
			return;
		}
		try {
			request.setAttribute(ATTRIBUTE, this.verifier.verify(header.substring(7).trim()));
		}
		catch (InvalidTokenException ex) {
			reject(response, "TOKEN_INVALID", ex.getMessage());
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean isPublic(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return this.publicPaths.stream().anyMatch((p) -> p.matches(request.getMethod(), path));
	}

	private static void reject(HttpServletResponse response, String code, String detail) throws IOException {
		response.setStatus(401);
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		response.setContentType(Problems.MEDIA_TYPE);
		response.getOutputStream()
			.write(Problems.json(401, "Unauthorized", code, detail).getBytes(StandardCharsets.UTF_8));
	}

	private record PublicPath(String method, PathPattern pattern) {

		static PublicPath parse(String spec) {
			String[] parts = spec.trim().split("\\s+", 2);
			String method = (parts.length == 2) ? parts[0] : null;
			String path = (parts.length == 2) ? parts[1] : parts[0];
			return new PublicPath(method, PathPatternParser.defaultInstance.parse(path));
		}

		boolean matches(String requestMethod, PathContainer path) {
			return (this.method == null || this.method.equalsIgnoreCase(requestMethod)) && this.pattern.matches(path);
		}

	}

}
