package com.cloudpartner.console.partnertool.billing;

import java.time.YearMonth;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.partnertool.api.ApiRefusal;
import com.cloudpartner.console.partnertool.customers.CustomerNames;

import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Months;
import com.cloudpartner.console.partnertool.web.Views;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Real-time charges: billing-service's month to date of the partner account (list price,
 * the partner's supply cost, what its customers are charged), this month or another, and
 * a chart of what each day added to its supply cost and its customers' charges.
 */
@Controller
@Hidden
class PartnerChargesController {

	private static final Logger log = LoggerFactory.getLogger(PartnerChargesController.class);

	private final Billing billing;

	private final CustomerNames customerNames;

	PartnerChargesController(Billing billing, CustomerNames customerNames) {
		this.customerNames = customerNames;
		this.billing = billing;
	}

	@GetMapping(path = "/partner/charges", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView charges(PartnerSession session, @RequestParam(required = false) String month) {
		YearMonth asked = Months.parse(month);
		Billing.Charges charges = this.billing.currentMonth(session, (asked != null) ? asked.toString() : null);
		YearMonth shown = (Months.parse(charges.month()) != null) ? Months.parse(charges.month()) : asked;
		ModelAndView view = Views.page("charges", session);
		view.addObject("charges", charges);
		view.addObject("customerNames", charges.lines().isEmpty() ? Map.of() : this.customerNames.of(session));
		view.addObject("month", (shown != null) ? shown.toString() : "");
		view.addObject("previousMonth", (shown != null) ? shown.minusMonths(1).toString() : null);
		view.addObject("nextMonth", (shown != null) ? shown.plusMonths(1).toString() : null);
		if (shown != null) {
			view.addObject("daily", daily(session, shown));
		}
		return view;
	}

	/**
	 * The month's days, or null when billing does not answer them: the page still shows
	 * the month to date and says that the days are unavailable.
	 */
	private PartnerDailyView daily(PartnerSession session, YearMonth month) {
		try {
			return PartnerDailyView.of(this.billing.daily(session, month.toString()), month);
		}
		catch (UpstreamUnavailableException | ApiRefusal ex) {
			log.warn("Daily charges of {} for {} unavailable: {}", session.accountId(), month, ex.getMessage());
			return null;
		}
	}

}
