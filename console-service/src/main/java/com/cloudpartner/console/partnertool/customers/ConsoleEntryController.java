package com.cloudpartner.console.partnertool.customers;

import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.session.PartnerSession.Flash;
import com.cloudpartner.console.partnertool.web.PartnerToolHeaders;
import com.cloudpartner.console.partnertool.web.Views;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * "Open the console as this customer": the POST mints a console token at partner-service
 * and redirects to a page that posts {@code user_id} and {@code jwt} to the console entry
 * by itself (a form of ours, submitted by our script, with a button where scripts are
 * off). The token is on that page once: a reload asks to open the console again.
 */
@Controller
@Hidden
@RequestMapping(path = "/partner/customers/{customerId}/console", produces = MediaType.TEXT_HTML_VALUE)
class ConsoleEntryController {

	private static final Logger log = LoggerFactory.getLogger(ConsoleEntryController.class);

	static final String ENTRY = "consoleEntry";

	private final Customers customers;

	ConsoleEntryController(Customers customers) {
		this.customers = customers;
	}

	@PostMapping
	ModelAndView open(PartnerSession session, @PathVariable String customerId) {
		Customers.Customer customer = this.customers.get(session, customerId);
		Customers.ConsoleToken minted = this.customers.mintConsoleToken(session, customer.id());
		URI console = consoleUri(minted.consoleUrl());
		if (minted.token() == null || console == null) {
			throw new UpstreamUnavailableException("partner-service answered without a usable console token or URL");
		}
		log.info("Partner tool: console token minted for customer {} by {}", customer.id(), session);
		session.flash(Flash.success("pt.console.opening", customer.displayName(), customer.userId())
			.with(ENTRY,
					new Entry(customer.id(), customer.userId(), minted.token(), console.toString(), origin(console))));
		return Views.redirect("/partner/customers/" + customer.id() + "/console");
	}

	@GetMapping
	ModelAndView page(PartnerSession session, @PathVariable String customerId, HttpServletResponse response) {
		ModelAndView view = Views.page("console-entry", session);
		if (view.getModel().get(ENTRY) instanceof Entry entry && entry.customerId().equals(customerId)) {
			response.setHeader(PartnerToolHeaders.CSP, PartnerToolHeaders.policy(entry.origin()));
			return view;
		}
		view.getModel().remove(ENTRY);
		return view;
	}

	/** Only an absolute http(s) URL with a host is posted to. */
	private static URI consoleUri(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			URI uri = new URI(value.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
					&& uri.getRawUserInfo() == null) {
				return uri;
			}
		}
		catch (Exception ex) {
			// not a URL we post to
		}
		return null;
	}

	private static String origin(URI uri) {
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
	}

	/**
	 * What the page posts to the console.
	 *
	 * @param customerId the customer
	 * @param userId the form's {@code user_id}
	 * @param token the form's {@code jwt}
	 * @param url the console entry
	 * @param origin the console's origin, allowed as a form target on this page
	 */
	record Entry(String customerId, String userId, String token, String url, String origin) {

		@Override
		public String toString() {
			return "Entry[customer=" + this.customerId + "]";
		}

	}

}
