package com.cloudpartner.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.console.partner.PartnerAccount;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's Content-Security-Policy. Pages that show a partner (a model attribute
 * {@code account}) also allow images from the partner's logo host.
 */
public class ContentSecurityPolicy implements HandlerInterceptor {

	public static final String HEADER = "Content-Security-Policy";

	public static final String NONCE_ATTRIBUTE = "cspNonce";

	static String policy(String nonce, String imageOrigin) {
		String images = (imageOrigin != null) ? "'self' " + imageOrigin : "'self'";
		return "default-src 'self'; img-src " + images + "; style-src 'self' 'nonce-" + nonce + "'; "
				+ "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (modelAndView == null || !(request.getAttribute(NONCE_ATTRIBUTE) instanceof String nonce)) {
			return;
		}
		modelAndView.addObject(NONCE_ATTRIBUTE, nonce);
		if (modelAndView.getModel().get("account") instanceof PartnerAccount account && account.logoOrigin() != null) {
			response.setHeader(HEADER, policy(nonce, account.logoOrigin()));
		}
	}

}
