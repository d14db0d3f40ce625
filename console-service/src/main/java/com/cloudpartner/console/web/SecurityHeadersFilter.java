package com.cloudpartner.console.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every console page: a strict Content-Security-Policy (own origin;
 * the page's one style block by nonce; the partner's logo host is added once the page
 * knows it, see {@link ContentSecurityPolicy}), no sniffing, no framing, no referrer to
 * other sites, and nothing stored in caches.
 */
public class SecurityHeadersFilter extends OncePerRequestFilter {

	private final SecureRandom random = new SecureRandom();

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.equals("/console") || path.startsWith("/console/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] bytes = new byte[18];
		this.random.nextBytes(bytes);
		String nonce = Base64.getEncoder().encodeToString(bytes);
		request.setAttribute(ContentSecurityPolicy.NONCE_ATTRIBUTE, nonce);
		response.setHeader(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.policy(nonce, null));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Pragma", "no-cache");
		chain.doFilter(request, response);
	}

}
