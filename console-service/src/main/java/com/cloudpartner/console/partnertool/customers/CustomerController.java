package com.cloudpartner.console.partnertool.customers;

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
 * The partner's customers: a paged list, create, edit and delete (after a confirmation
 * page). Every POST answers with a redirect once it has done its work; a form with
 * mistakes is shown again instead.
 */
@Controller
@Hidden
@RequestMapping(path = "/partner/customers", produces = MediaType.TEXT_HTML_VALUE)
class CustomerController {

	private static final Pattern PAGE_TOKEN = Pattern.compile("[A-Za-z0-9_=-]{1,512}");

	private final Customers customers;

	private final int pageSize;

	CustomerController(Customers customers, PartnerToolProperties properties) {
		this.customers = customers;
		this.pageSize = properties.pageSize();
	}

	@GetMapping
	ModelAndView list(PartnerSession session, @RequestParam(required = false) String pageToken) {
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		Customers.Page page = this.customers.list(session, this.pageSize, token);
		ModelAndView view = Views.page("customers", session);
		view.addObject("customers", page.customers());
		view.addObject("nextPageToken", page.nextPageToken());
		view.addObject("firstPage", token == null);
		return view;
	}

	@GetMapping("/new")
	ModelAndView newForm(PartnerSession session) {
		return form(session, CustomerForm.blank(), null, HttpStatus.OK);
	}

	@PostMapping
	ModelAndView create(PartnerSession session, @ModelAttribute("customerForm") CustomerForm form,
			BindingResult errors) {
		form.validate(errors, true);
		if (!errors.hasErrors()) {
			try {
				Customers.Customer created = this.customers.create(session, form);
				session.flash(Flash.success("pt.customers.created", created.displayName(), created.userId()));
				return Views.redirect("/partner/customers");
			}
			catch (ApiRefusal ex) {
				if (ex.is("CUSTOMER_EXISTS")) {
					errors.rejectValue("userId", "pt.customers.error.exists");
				}
				else if (!FormErrors.show(ex, errors)) {
					throw ex;
				}
			}
		}
		form.renewKey();
		return form(session, form, null, HttpStatus.BAD_REQUEST);
	}

	@GetMapping("/{customerId}")
	ModelAndView editForm(PartnerSession session, @PathVariable String customerId) {
		Customers.Customer customer = this.customers.get(session, customerId);
		return form(session, CustomerForm.of(customer), customer, HttpStatus.OK);
	}

	@PostMapping("/{customerId}")
	ModelAndView update(PartnerSession session, @PathVariable String customerId,
			@ModelAttribute("customerForm") CustomerForm form, BindingResult errors) {
		form.validate(errors, false);
		if (!errors.hasErrors()) {
			try {
				Customers.Customer updated = this.customers.update(session, customerId, form);
				session.flash(Flash.success("pt.customers.updated", updated.displayName(), updated.userId()));
				return Views.redirect("/partner/customers");
			}
			catch (ApiRefusal ex) {
				if (!FormErrors.show(ex, errors)) {
					throw ex;
				}
			}
		}
		Customers.Customer customer = this.customers.get(session, customerId);
		form.setUserId(customer.userId());
		return form(session, form, customer, HttpStatus.BAD_REQUEST);
	}

	@GetMapping("/{customerId}/delete")
	ModelAndView confirmDelete(PartnerSession session, @PathVariable String customerId) {
		ModelAndView view = Views.page("customer-delete", session);
		view.addObject("customer", this.customers.get(session, customerId));
		return view;
	}

	@PostMapping("/{customerId}/delete")
	ModelAndView delete(PartnerSession session, @PathVariable String customerId) {
		Customers.Customer customer = this.customers.get(session, customerId);
		try {
			this.customers.delete(session, customerId);
			session.flash(Flash.success("pt.customers.deleted", customer.displayName(), customer.userId()));
		}
		catch (ApiRefusal ex) {
			if (!ex.is("RESOURCES_STILL_ACTIVE")) {
				throw ex;
			}
			session.flash(Flash.failure("pt.customers.still-active", customer.displayName(), customer.userId()));
		}
		return Views.redirect("/partner/customers");
	}

	private static ModelAndView form(PartnerSession session, CustomerForm form, Customers.Customer customer,
			HttpStatus status) {
		ModelAndView view = Views.page("customer-form", session, status);
		view.addObject("customerForm", form);
		view.addObject("customer", customer);
		return view;
	}

}
