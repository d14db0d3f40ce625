package com.cloudpartner.console.home;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.partner.PartnerAccount;
import com.cloudpartner.console.partner.PartnerAccounts;
import com.cloudpartner.console.partner.PartnerSuspendedException;
import com.cloudpartner.console.session.ConsoleSession;
import com.cloudpartner.console.session.ConsoleSessions;
import com.cloudpartner.console.session.CustomerTokens;
import com.cloudpartner.console.session.SessionCookies;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.Notices;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The end user's console home under the partner's branding: who is signed in, the
 * customer's entitlements and the month-to-date charges. Each part that an upstream
 * service cannot deliver is shown as unavailable; the page itself always renders.
 */
@Controller
class HomeController {

	private static final Logger log = LoggerFactory.getLogger(HomeController.class);

	private final ConsoleSessions sessions;

	private final PartnerAccounts accounts;

	private final CustomerTokens tokens;

	private final CustomerEntitlements entitlements;

	private final CustomerCharges charges;

	private final Notices notices;

	private final ConsoleProperties properties;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	HomeController(ConsoleSessions sessions, PartnerAccounts accounts, CustomerTokens tokens,
			CustomerEntitlements entitlements, CustomerCharges charges, Notices notices, ConsoleProperties properties) {
		this.sessions = sessions;
		this.accounts = accounts;
		this.tokens = tokens;
		this.entitlements = entitlements;
		this.charges = charges;
		this.notices = notices;
		this.properties = properties;
	}

	@GetMapping(path = "/console/home", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The end user's console home", security = @SecurityRequirement(name = "consoleSession"))
	ModelAndView home(@CookieValue(name = SessionCookies.NAME, required = false) String sessionId, Locale locale) {
		Optional<ConsoleSession> found = this.sessions.find(sessionId);
		if (found.isEmpty()) {
			ModelAndView page = new ModelAndView("console/entry", HttpStatus.UNAUTHORIZED);
			page.addObject("notice", this.notices.of("session-ended", locale, null));
			return page;
		}
		ConsoleSession session = found.get();
		PartnerAccount account = this.accounts.find(session.accountId());
		if (account.suspended()) {
			return suspended(account, locale);
		}
		try {
			return page(session, account, locale);
		}
		catch (PartnerSuspendedException ex) {
			log.info("Console of {}: {}", session, ex.getMessage());
			return suspended(account, locale);
		}
	}

	/**
	 * The partner is suspended: a clear page in both languages instead of the console.
	 */
	private ModelAndView suspended(PartnerAccount account, Locale locale) {
		ModelAndView page = new ModelAndView("console/entry", HttpStatus.FORBIDDEN);
		page.addObject("notice", this.notices.of("suspended", locale, account.displayName()));
		page.addObject("account", account);
		return page;
	}

	private ModelAndView page(ConsoleSession session, PartnerAccount account, Locale locale) {
		ModelAndView page = new ModelAndView("console/home", HttpStatus.OK);
		page.addObject("account", account);
		page.addObject("userId", session.userId());
		page.addObject("csrf", session.csrfToken());
		String token = null;
		try {
			token = this.tokens.current(session);
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("No usable console token for {}: {}", session, ex.getMessage());
		}
		if (token != null) {
			String consoleToken = token;
			Map<String, String> context = MDC.getCopyOfContextMap();
			// The two reads are independent: one waits for the slower, not for both.
			CompletableFuture<HomeView.Charges> pendingCharges = CompletableFuture
				.supplyAsync(() -> withContext(context, () -> charges(session, consoleToken, locale)), this.executor);
			page.addObject("entitlements", entitlements(session, consoleToken));
			page.addObject("charges", pendingCharges.join());
		}
		return page;
	}

	@PreDestroy
	void shutdown() {
		this.executor.shutdown();
	}

	private static <T> T withContext(Map<String, String> context, Supplier<T> work) {
		if (context != null) {
			MDC.setContextMap(context);
		}
		try {
			return work.get();
		}
		finally {
			MDC.clear();
		}
	}

	private HomeView.Entitlements entitlements(ConsoleSession session, String token) {
		try {
			return HomeView.entitlements(this.entitlements.list(session.accountId(), session.customerId(), token),
					this.properties.timeZone());
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("Entitlements of {} unavailable: {}", session, rootCause(ex));
			return null;
		}
	}

	private HomeView.Charges charges(ConsoleSession session, String token, Locale locale) {
		try {
			return HomeView.charges(this.charges.currentMonth(session.accountId(), session.customerId(), token), locale,
					this.properties.timeZone());
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("Charges of {} unavailable: {}", session, rootCause(ex));
			return null;
		}
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return ex.getMessage() + " (" + cause + ")";
	}

}
