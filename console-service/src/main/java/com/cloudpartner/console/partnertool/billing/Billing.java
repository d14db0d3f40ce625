package com.cloudpartner.console.partnertool.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.cloudpartner.console.partnertool.web.Amount;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/**
 * billing-service for one session's account: month-to-date charges and their days,
 * invoices, payments and the detailed export.
 */
@Component
class Billing {

	private final PartnerApi api;

	Billing(PartnerApi api) {
		this.api = api;
	}

	Charges currentMonth(PartnerSession session, String month) {
		return this.api.billing(session)
			.get(Charges.class, Map.of("month", (month != null) ? month : ""), "/billing/current-month");
	}

	/** What each day of a month added to the month to date (billing's daily view). */
	Daily daily(PartnerSession session, String month) {
		return this.api.billing(session).get(Daily.class, Map.of("month", month), "/billing/daily");
	}

	InvoicePage invoices(PartnerSession session, int pageSize, String pageToken) {
		return this.api.billing(session)
			.get(InvoicePage.class, Map.of("pageSize", pageSize, "pageToken", (pageToken != null) ? pageToken : ""),
					"/invoices");
	}

	Invoice invoice(PartnerSession session, String invoiceId) {
		return this.api.billing(session).get(Invoice.class, "/invoices/{invoiceId}", invoiceId);
	}

	Invoice pay(PartnerSession session, String invoiceId, PaymentForm form, String currencyCode) {
		Payment payment = new Payment(new Amount(currencyCode, form.getAmount().trim()), form.getMethod(),
				form.getDocument());
		return this.api.billing(session)
			.create(Invoice.class, form.keyOrNew(), "/invoices/{invoiceId}/payments", payment, invoiceId);
	}

	<T> T export(PartnerSession session, String month, PartnerApi.BodyReader<T> reader) {
		return this.api.billing(session).download(Map.of("month", month, "format", "csv"), "/billing-export", reader);
	}

	/** The last segment of a resource name ({@code accounts/a/customers/c} to c). */
	static String idOf(String name) {
		if (name == null) {
			return null;
		}
		int slash = name.lastIndexOf('/');
		return (slash >= 0) ? name.substring(slash + 1) : name;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Charges(String month, String asOf, String currencyCode, Amount costAtList, Amount cost, Amount customerCost,
			List<ChargeLine> lines, List<Unrated> unrated) {

		Charges {
			lines = (lines != null) ? lines : List.of();
			unrated = (unrated != null) ? unrated : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Daily(String month, String currencyCode, Amount costAtList, Amount cost, Amount customerCost,
			List<Day> days) {

		Daily {
			days = (days != null) ? days : List.of();
		}

	}

	/** What a day added: the date is YYYY-MM-DD. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Day(String date, Amount costAtList, Amount cost, Amount customerCost) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ChargeLine(String customer, String sku, String meter, String quantity, Amount costAtList, Amount cost,
			Amount customerCost) {

		public String customerId() {
			return idOf(this.customer);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Unrated(String customer, String sku, String meter, String quantity, String reason) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InvoicePage(List<Invoice> invoices, String nextPageToken) {

		InvoicePage {
			invoices = (invoices != null) ? invoices : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Invoice(String name, String id, String month, String state, String currencyCode, Amount subtotal,
			Amount credits, Amount tax, Amount total, Amount paid, String issuedAt, String dueAt,
			List<InvoiceLine> lines, List<AppliedCredit> appliedCredits, List<PaymentMade> payments) {

		Invoice {
			lines = (lines != null) ? lines : List.of();
			appliedCredits = (appliedCredits != null) ? appliedCredits : List.of();
			payments = (payments != null) ? payments : List.of();
		}

		/** What is left to pay: total minus paid, never below zero. */
		public Amount due() {
			BigDecimal paidSoFar = (this.paid != null) ? this.paid.value() : BigDecimal.ZERO;
			BigDecimal left = ((this.total != null) ? this.total.value() : BigDecimal.ZERO).subtract(paidSoFar)
				.max(BigDecimal.ZERO);
			return new Amount(this.currencyCode, left.toPlainString());
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InvoiceLine(Integer lineNumber, String type, String usageMonth, String customer, String sku, String meter,
			String quantity, Amount costAtList, Amount cost, Amount customerCost, String adjustmentType,
			String description) {

		public String customerId() {
			return idOf(this.customer);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record AppliedCredit(String creditId, String type, Amount amount) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PaymentMade(String id, Amount amount, String method, Document document, String paidAt) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Document(String type) {

	}

	record Payment(Amount amount, String method, String document) {

	}

}
