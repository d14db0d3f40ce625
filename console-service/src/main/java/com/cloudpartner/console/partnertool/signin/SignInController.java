package com.cloudpartner.console.partnertool.signin;

import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.partnertool.session.CsrfRefused;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.session.PartnerSessionCookies;
import com.cloudpartner.console.partnertool.session.PartnerSessions;
import com.cloudpartner.console.partnertool.signin.MemberLogin.Refused;
import com.cloudpartner.console.partnertool.signin.MemberLogin.SignedIn;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Signing in to the partner tool with a member's login id and password, and out again.
 * The sign-in form has no session yet, so it carries the value of its own
 * {@code PARTNER_SIGNIN} cookie (double submit): a form posted from another site has
 * neither.
 */
@Controller
@Hidden
class SignInController {

	private static final Logger log = LoggerFactory.getLogger(SignInController.class);

	private static final Pattern TOKEN_FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	/** Messages the sign-in page may be sent with ({@code pt.sign-in.<notice>}). */
	private static final Set<String> NOTICES = Set.of("expired", "signed-out");

	private static final int MAX_INPUT = 100;

	private final MemberLogin login;

	private final PartnerSessions sessions;

	SignInController(MemberLogin login, PartnerSessions sessions) {
		this.login = login;
		this.sessions = sessions;
	}

	@GetMapping(path = "/partner", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView front(PartnerSession session) {
		return Views.redirect("/partner/customers");
	}

	@GetMapping(path = "/partner/sign-in", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView form(@RequestParam(required = false) String notice,
			@CookieValue(name = PartnerSessionCookies.SESSION, required = false) String sessionId,
			@CookieValue(name = PartnerSessionCookies.SIGN_IN, required = false) String signInToken,
			HttpServletRequest request, HttpServletResponse response) {
		if (this.sessions.find(sessionId).isPresent()) {
			return Views.redirect("/partner/customers");
		}
		return page(HttpStatus.OK, (notice != null && NOTICES.contains(notice)) ? notice : null, "", signInToken,
				request, response);
	}

	@PostMapping(path = "/partner/sign-in", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView signIn(@RequestParam(required = false) String loginId, @RequestParam(required = false) String password,
			@RequestParam(name = "_csrf", required = false) String csrf,
			@CookieValue(name = PartnerSessionCookies.SIGN_IN, required = false) String signInToken,
			@CookieValue(name = PartnerSessionCookies.SESSION, required = false) String previous,
			HttpServletRequest request, HttpServletResponse response) {
		if (!CsrfRefused.matches(signInToken, csrf)) {
			throw new CsrfRefused();
		}
		String id = (loginId != null) ? loginId.strip() : "";
		if (id.isEmpty() || password == null || password.isEmpty() || id.length() > MAX_INPUT
				|| password.length() > MAX_INPUT) {
			return page(HttpStatus.BAD_REQUEST, "missing", id, signInToken, request, response);
		}
		MemberLogin.Outcome outcome = this.login.login(id, password);
		if (outcome instanceof Refused refused) {
			log.info("Partner tool sign-in refused: {}", refused.reason());
			if (refused.reason().equals("not-partner") || refused.reason().equals("suspended")) {
				return Views.notice(refused.reason(), refused.status(), null);
			}
			return page(refused.status(), refused.reason(), id, signInToken, request, response);
		}
		PartnerSession.SignIn signIn = ((SignedIn) outcome).signIn();
		// A new session id at every sign-in: no fixation, and the previous session ends.
		this.sessions.close(previous);
		PartnerSession session = this.sessions.open(signIn);
		PartnerSessionCookies.issue(request, response, session, this.sessions.remaining(session));
		PartnerSessionCookies.clearSignIn(request, response);
		log.info("Partner tool session opened: {}", session);
		return Views.redirect("/partner/customers");
	}

	@PostMapping(path = "/partner/sign-out", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView signOut(PartnerSession session, HttpServletRequest request, HttpServletResponse response) {
		this.sessions.close(session.id());
		PartnerSessionCookies.clear(request, response);
		return Views.redirect("/partner/sign-in?notice=signed-out");
	}

	private ModelAndView page(HttpStatus status, String notice, String loginId, String signInToken,
			HttpServletRequest request, HttpServletResponse response) {
		String token = (signInToken != null && TOKEN_FORMAT.matcher(signInToken).matches()) ? signInToken
				: this.sessions.newToken();
		PartnerSessionCookies.issueSignIn(request, response, token);
		ModelAndView page = Views.page("sign-in", null, status);
		page.addObject("signInNotice", notice);
		page.addObject("signInError", status.isError());
		page.addObject("loginId", loginId);
		page.addObject("signInCsrf", token);
		return page;
	}

}
