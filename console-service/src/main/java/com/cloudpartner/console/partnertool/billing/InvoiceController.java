package com.cloudpartner.console.partnertool.billing;

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
 * The partner's invoices from billing-service: the list (newest month first), one invoice
 * with its lines, credits and payments, and paying it. A payment that asks for a tax
 * invoice while no tax contact is on file is shown with a way to the settings.
 */
@Controller
@Hidden
@RequestMapping(path = "/partner/invoices", produces = MediaType.TEXT_HTML_VALUE)
class InvoiceController {

	/** billing-service's page tokens are months. */
	private static final Pattern PAGE_TOKEN = Pattern.compile("\\d{4}-\\d{2}");

	private final Billing billing;

	private final int pageSize;

	InvoiceController(Billing billing, PartnerToolProperties properties) {
		this.billing = billing;
		this.pageSize = properties.pageSize();
	}

	@GetMapping
	ModelAndView list(PartnerSession session, @RequestParam(required = false) String pageToken) {
		String token = (pageToken != null && PAGE_TOKEN.matcher(pageToken).matches()) ? pageToken : null;
		Billing.InvoicePage page = this.billing.invoices(session, this.pageSize, token);
		ModelAndView view = Views.page("invoices", session);
		view.addObject("invoices", page.invoices());
		view.addObject("nextPageToken", page.nextPageToken());
		view.addObject("firstPage", token == null);
		return view;
	}

	@GetMapping("/{invoiceId}")
	ModelAndView detail(PartnerSession session, @PathVariable String invoiceId) {
		Billing.Invoice invoice = this.billing.invoice(session, invoiceId);
		return detail(session, invoice, PaymentForm.forInvoice(invoice), false, HttpStatus.OK);
	}

	@PostMapping("/{invoiceId}/payments")
	ModelAndView pay(PartnerSession session, @PathVariable String invoiceId,
			@ModelAttribute("paymentForm") PaymentForm form, BindingResult errors) {
		Billing.Invoice invoice = this.billing.invoice(session, invoiceId);
		form.validate(errors);
		if (!errors.hasErrors()) {
			try {
				this.billing.pay(session, invoiceId, form, invoice.currencyCode());
				session.flash(Flash.success("pt.invoices.payment-recorded", invoice.month()));
				return Views.redirect("/partner/invoices/" + invoice.id());
			}
			catch (ApiRefusal ex) {
				if (ex.is("TAX_CONTACT_REQUIRED")) {
					form.renewKey();
					return detail(session, invoice, form, true, HttpStatus.UNPROCESSABLE_CONTENT);
				}
				if (!FormErrors.show(ex, errors)) {
					throw ex;
				}
			}
		}
		form.renewKey();
		return detail(session, invoice, form, false, HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView detail(PartnerSession session, Billing.Invoice invoice, PaymentForm form,
			boolean taxContactRequired, HttpStatus status) {
		ModelAndView view = Views.page("invoice", session, status);
		view.addObject("invoice", invoice);
		view.addObject("paymentForm", form);
		view.addObject("taxContactRequired", taxContactRequired);
		view.addObject("methods", PaymentForm.METHODS.stream().sorted().toList());
		return view;
	}

}
