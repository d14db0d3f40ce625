package com.cloudpartner.console.partnertool.credentials;

import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Hidden;

import com.cloudpartner.console.partnertool.PartnerToolProperties;
import com.cloudpartner.console.partnertool.api.ApiRefusal;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.session.PartnerSession.Flash;
import com.cloudpartner.console.partnertool.web.FormErrors;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * API credentials: the list (without secrets), a new one (its client secret shown on the
 * next page only, exactly once), and revoking one after a confirmation page.
 */
@Controller
@Hidden
@RequestMapping(path = "/partner/credentials", produces = MediaType.TEXT_HTML_VALUE)
class CredentialController {

	private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_=-]{1,512}");

	private final Credentials credentials;

	private final int pageSize;

	CredentialController(Credentials credentials, PartnerToolProperties properties) {
		this.credentials = credentials;
		this.pageSize = properties.pageSize();
	}

	@GetMapping
	ModelAndView list(PartnerSession session, @RequestParam(required = false) String pageToken) {
		return page(session, CredentialForm.blank(), pageToken, HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(PartnerSession session, @ModelAttribute("credentialForm") CredentialForm form,
			BindingResult errors) {
		form.validate(errors);
		if (!errors.hasErrors()) {
			try {
				Credentials.Created created = this.credentials.create(session, form.keyOrNew(), form.getDescription(),
						form.getScopes());
				session.flash(
						Flash.success("pt.credentials.created", created.clientId()).with("createdCredential", created));
				return Views.redirect("/partner/credentials");
			}
			catch (ApiRefusal ex) {
				if (!FormErrors.show(ex, errors)) {
					throw ex;
				}
			}
		}
		form.renewKey();
		return page(session, form, null, HttpStatus.BAD_REQUEST);
	}

	@GetMapping("/{clientId}/revoke")
	ModelAndView confirmRevoke(PartnerSession session, @PathVariable String clientId) {
		ModelAndView view = Views.page("credential-revoke", session);
		view.addObject("clientId", clientId);
		return view;
	}

	@PostMapping("/{clientId}/revoke")
	ModelAndView revoke(PartnerSession session, @PathVariable String clientId) {
		try {
			this.credentials.revoke(session, clientId);
			session.flash(Flash.success("pt.credentials.revoked", clientId));
		}
		catch (ApiRefusal ex) {
			if (ex.status() != 404) {
				throw ex;
			}
			session.flash(Flash.failure("pt.credentials.not-found", clientId));
		}
		return Views.redirect("/partner/credentials");
	}

	private ModelAndView page(PartnerSession session, CredentialForm form, String pageToken, HttpStatus status) {
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		Credentials.Page page = this.credentials.list(session, this.pageSize, token);
		ModelAndView view = Views.page("credentials", session, status);
		view.addObject("credentials", page.credentials());
		view.addObject("nextPageToken", page.nextPageToken());
		view.addObject("credentialForm", form);
		view.addObject("scopeChoices", CredentialForm.SCOPES);
		return view;
	}

}
