package com.cloudpartner.console.entry;

import java.util.Locale;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.entry.EntryTokens.Grant;
import com.cloudpartner.console.entry.EntryTokens.Refused;
import com.cloudpartner.console.partner.PartnerAccount;
import com.cloudpartner.console.partner.PartnerAccounts;
import com.cloudpartner.console.session.ConsoleSession;
import com.cloudpartner.console.session.ConsoleSession.CustomerToken;
import com.cloudpartner.console.session.ConsoleSessions;
import com.cloudpartner.console.session.SessionCookies;
import com.cloudpartner.console.web.Notices;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The way into the console: the partner's page POSTs {@code user_id} and {@code jwt}; a
 * valid pair opens a session and sends the browser to the console home.
 */
@Controller
@RequestMapping("/console")
class EntryController {

	private static final Logger log = LoggerFactory.getLogger(EntryController.class);

	static final String ENTRY_VIEW = "console/entry";

	private final EntryTokens tokens;

	private final ConsoleSessions sessions;

	private final PartnerAccounts accounts;

	private final Notices notices;

	private final MeterRegistry meters;

	EntryController(EntryTokens tokens, ConsoleSessions sessions, PartnerAccounts accounts, Notices notices,
			MeterRegistry meters) {
		this.tokens = tokens;
		this.sessions = sessions;
		this.accounts = accounts;
		this.notices = notices;
		this.meters = meters;
	}

	@PostMapping(produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "Open an end user's console",
			description = "Form fields user_id and jwt (a console token whose uid claim is user_id). "
					+ "303 to /console/home with the CONSOLE_SESSION cookie, or 401 with an explanatory page.")
	@ApiResponse(responseCode = "303", description = "Session opened")
	@ApiResponse(responseCode = "401", description = "Bad, expired or foreign token, or user_id mismatch")
	ModelAndView enter(
			@Parameter(description = "the partner's id of the end user",
					example = "user-1001") @RequestParam(name = "user_id", required = false) String userId,
			@Parameter(description = "console token from POST /v1/accounts/{a}/customers/{c}/console-tokens",
					example = "eyJraWQiOi...") @RequestParam(name = "jwt", required = false) String jwt,
			@CookieValue(name = SessionCookies.NAME, required = false) String previous, HttpServletRequest request,
			HttpServletResponse response, Locale locale) {
		Grant grant;
		try {
			grant = this.tokens.verify(userId, jwt);
		}
		catch (Refused refused) {
			log.info("Console entry refused: {} (account {})", refused.reason(), refused.accountId());
			this.meters.counter("console.entries", "outcome", refused.reason().name().toLowerCase(Locale.ROOT))
				.increment();
			PartnerAccount account = (refused.accountId() != null) ? this.accounts.find(refused.accountId()) : null;
			return entryPage(refused.reason().notice(), account, locale, HttpStatus.UNAUTHORIZED);
		}
		PartnerAccount account = this.accounts.current(grant.accountId());
		if (account.suspended()) {
			this.meters.counter("console.entries", "outcome", "suspended").increment();
			return entryPage("suspended", account, locale, HttpStatus.FORBIDDEN);
		}
		// A new session id at every entry: no fixation, and the previous session ends.
		this.sessions.close(previous);
		ConsoleSession session = this.sessions.open(grant.accountId(), grant.customerId(), grant.userId(),
				new CustomerToken(grant.token(), grant.expiresAt()), account.sessionTtl());
		SessionCookies.issue(request, response, session, account.sessionTtl());
		this.meters.counter("console.entries", "outcome", "opened").increment();
		return seeOther("/console/home");
	}

	@GetMapping(produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The console's front door: home with a session, else how to enter")
	ModelAndView front(@CookieValue(name = SessionCookies.NAME, required = false) String sessionId, Locale locale) {
		Optional<ConsoleSession> session = this.sessions.find(sessionId);
		if (session.isPresent()) {
			return seeOther("/console/home");
		}
		return entryPage("enter-from-partner", null, locale, HttpStatus.OK);
	}

	@PostMapping(path = "/logout", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "End the console session")
	ModelAndView logout(@CookieValue(name = SessionCookies.NAME, required = false) String sessionId,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		PartnerAccount account = this.sessions.find(sessionId)
			.map((session) -> this.accounts.find(session.accountId()))
			.orElse(null);
		this.sessions.close(sessionId);
		SessionCookies.clear(request, response);
		return entryPage("signed-out", account, locale, HttpStatus.OK);
	}

	private ModelAndView entryPage(String kind, PartnerAccount account, Locale locale, HttpStatus status) {
		ModelAndView page = new ModelAndView(ENTRY_VIEW, status);
		page.addObject("notice", this.notices.of(kind, locale, (account != null) ? account.displayName() : null));
		if (account != null) {
			page.addObject("account", account);
		}
		return page;
	}

	private static ModelAndView seeOther(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return new ModelAndView(redirect);
	}

}
