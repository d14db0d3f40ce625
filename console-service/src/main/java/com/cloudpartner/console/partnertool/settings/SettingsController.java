package com.cloudpartner.console.partnertool.settings;

import io.swagger.v3.oas.annotations.Hidden;

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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The account's settings: contacts, callback URL, console login URL and session lifetime,
 * tax contact and the branding of the end-user console. The contract is shown, not
 * changed: only an operator may.
 */
@Controller
@Hidden
@RequestMapping(path = "/partner/settings", produces = MediaType.TEXT_HTML_VALUE)
class SettingsController {

	private final AccountSettings settings;

	SettingsController(AccountSettings settings) {
		this.settings = settings;
	}

	@GetMapping
	ModelAndView show(PartnerSession session) {
		AccountSettings.Account account = this.settings.get(session);
		return page(session, account, SettingsForm.of(account), HttpStatus.OK);
	}

	@PostMapping
	ModelAndView save(PartnerSession session, @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors) {
		form.compact();
		form.validate(errors);
		if (!errors.hasErrors()) {
			try {
				this.settings.update(session, form.toPatch());
				session.flash(Flash.success("pt.settings.saved"));
				return Views.redirect("/partner/settings");
			}
			catch (ApiRefusal ex) {
				if (!FormErrors.show(ex, errors)) {
					throw ex;
				}
			}
		}
		return page(session, this.settings.get(session), form.withBlankRows(), HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView page(PartnerSession session, AccountSettings.Account account, SettingsForm form,
			HttpStatus status) {
		ModelAndView view = Views.page("settings", session, status);
		view.addObject("account", account);
		view.addObject("settingsForm", form);
		return view;
	}

}
