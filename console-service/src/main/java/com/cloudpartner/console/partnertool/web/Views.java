package com.cloudpartner.console.partnertool.web;

import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.session.PartnerSession.Flash;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * How the tool's handlers answer: a page with what the layout needs (who is signed in,
 * the session's CSRF token, the message left by the previous request), a notice page, or
 * a 303 to a page after a POST.
 */
public final class Views {

	private Views() {
	}

	/** A page of a signed-in member; shows (and so consumes) the flash message. */
	public static ModelAndView page(String view, PartnerSession session) {
		return page(view, session, HttpStatus.OK);
	}

	public static ModelAndView page(String view, PartnerSession session, HttpStatus status) {
		ModelAndView page = new ModelAndView("partnertool/" + view, status);
		if (session != null) {
			page.addObject("me", Me.of(session));
			Flash flash = session.takeFlash();
			if (flash != null) {
				page.addObject("flash", flash);
				page.addAllObjects(flash.model());
			}
		}
		return page;
	}

	/** A page that explains one situation ({@code pt.notice.<kind>.*}). */
	public static ModelAndView notice(String kind, HttpStatus status, PartnerSession session) {
		ModelAndView page = new ModelAndView("partnertool/notice", status);
		page.addObject("notice", kind);
		if (session != null) {
			page.addObject("me", Me.of(session));
		}
		return page;
	}

	/** See other: the answer to every POST that did what it was asked (PRG). */
	public static ModelAndView redirect(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

	/**
	 * What the layout shows of the session: never its token.
	 *
	 * @param loginId the member's login id
	 * @param accountName the partner's name
	 * @param accountId the partner account
	 * @param csrf the token every form of the session carries
	 */
	public record Me(String loginId, String accountName, String accountId, String csrf) {

		static Me of(PartnerSession session) {
			return new Me(session.loginId(), session.accountName(), session.accountId(), session.csrfToken());
		}

	}

}
