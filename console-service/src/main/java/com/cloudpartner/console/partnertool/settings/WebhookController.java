package com.cloudpartner.console.partnertool.settings;

import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;

import com.cloudpartner.console.partnertool.PartnerToolProperties;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.session.PartnerSession.Flash;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Callbacks: the delivery log (filtered by state, paged) and the rotation of the signing
 * secret, which partner-service shows once: this page shows it right after the rotation
 * and never again.
 */
@Controller
@Hidden
@RequestMapping(path = "/partner/webhooks", produces = MediaType.TEXT_HTML_VALUE)
class WebhookController {

	private static final Set<String> STATES = Set.of("PENDING", "DELIVERED", "FAILED");

	private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_=-]{1,512}");

	private final AccountSettings settings;

	private final int pageSize;

	WebhookController(AccountSettings settings, PartnerToolProperties properties) {
		this.settings = settings;
		this.pageSize = properties.pageSize();
	}

	@GetMapping
	ModelAndView log(PartnerSession session, @RequestParam(required = false) String state,
			@RequestParam(required = false) String pageToken) {
		String filter = (state != null && STATES.contains(state)) ? state : null;
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		AccountSettings.Deliveries deliveries = this.settings.deliveries(session, filter, this.pageSize, token);
		ModelAndView view = Views.page("webhooks", session);
		view.addObject("deliveries", deliveries.deliveries());
		view.addObject("nextPageToken", deliveries.nextPageToken());
		view.addObject("state", filter);
		view.addObject("states", STATES.stream().sorted().toList());
		return view;
	}

	@PostMapping("/secret")
	ModelAndView rotate(PartnerSession session) {
		String secret = this.settings.rotateWebhookSecret(session);
		session.flash(Flash.success("pt.webhooks.rotated").with("newSecret", secret));
		return Views.redirect("/partner/webhooks");
	}

}
