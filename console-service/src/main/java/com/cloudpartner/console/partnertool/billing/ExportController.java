package com.cloudpartner.console.partnertool.billing;

import java.io.OutputStream;
import java.time.YearMonth;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;

import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Months;
import com.cloudpartner.console.partnertool.web.Views;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * A month's detailed billing export as a CSV download: billing-service's rows are copied
 * to the browser as they arrive, never held whole in memory. Headers go out only once
 * billing-service has accepted the request, so that a refusal is still shown as a page.
 */
@Controller
@Hidden
class ExportController {

	private final Billing billing;

	ExportController(Billing billing) {
		this.billing = billing;
	}

	@GetMapping("/partner/invoices/export")
	ModelAndView export(PartnerSession session, @RequestParam(required = false) String month,
			HttpServletResponse response) {
		YearMonth asked = Months.parse(month);
		if (asked == null) {
			return Views.notice("bad-month", HttpStatus.BAD_REQUEST, session);
		}
		String filename = "billing-export-" + session.accountId() + "-" + asked + ".csv";
		this.billing.export(session, asked.toString(), (contentType, body) -> {
			response.setStatus(HttpStatus.OK.value());
			response.setContentType("text/csv;charset=UTF-8");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString());
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			response.setHeader("X-Content-Type-Options", "nosniff");
			OutputStream out = response.getOutputStream();
			body.transferTo(out);
			out.flush();
			return null;
		});
		return null;
	}

}
