package com.cloudpartner.console.partnertool.billing;

import java.time.YearMonth;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;

import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Months;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Real-time charges: billing-service's month to date of the partner account (list price,
 * the partner's supply cost, what its customers are charged), this month or another.
 */
@Controller
@Hidden
class PartnerChargesController {

	private final Billing billing;

	PartnerChargesController(Billing billing) {
		this.billing = billing;
	}

	@GetMapping(path = "/partner/charges", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView charges(PartnerSession session, @RequestParam(required = false) String month) {
		YearMonth asked = Months.parse(month);
		Billing.Charges charges = this.billing.currentMonth(session, (asked != null) ? asked.toString() : null);
		YearMonth shown = (Months.parse(charges.month()) != null) ? Months.parse(charges.month()) : asked;
		ModelAndView view = Views.page("charges", session);
		view.addObject("charges", charges);
		view.addObject("customerNames", charges.lines().isEmpty() ? Map.of() : this.billing.customerNames(session));
		view.addObject("month", (shown != null) ? shown.toString() : "");
		view.addObject("previousMonth", (shown != null) ? shown.minusMonths(1).toString() : null);
		view.addObject("nextMonth", (shown != null) ? shown.plusMonths(1).toString() : null);
		return view;
	}

}
