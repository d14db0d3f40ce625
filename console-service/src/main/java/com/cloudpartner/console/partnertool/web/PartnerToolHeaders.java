package com.cloudpartner.console.partnertool.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every page of the tool: our own scripts, styles and images only,
 * forms only to ourselves (the console entry page adds the console's origin), no framing,
 * no sniffing, no referrer to other sites, nothing stored in caches.
 */
public class PartnerToolHeaders extends OncePerRequestFilter {

	public static final String CSP = "Content-Security-Policy";

	/** The policy, with one more origin that forms may post to, or {@code null}. */
	public static String policy(String formOrigin) {
		String forms = (formOrigin != null) ? "'self' " + formOrigin : "'self'";
		return "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; "
				+ "base-uri 'none'; form-action " + forms + "; frame-ancestors 'none'";
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !(path.equals("/partner") || path.startsWith("/partner/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(CSP, policy(null));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		if (!request.getRequestURI().startsWith("/partner/assets/")) {
			response.setHeader("Cache-Control", "no-store");
			response.setHeader("Pragma", "no-cache");
		}
		chain.doFilter(request, response);
	}

}
