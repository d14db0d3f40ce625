package com.cloudpartner.console.partnertool;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoices: the list, one invoice, paying it (and the tax contact it may need), the CSV
 * export, and that another partner's invoice stays out of reach.
 */
class PartnerInvoicesIT extends PartnerToolTestSupport {

	@Test
	void listsTheInvoicesAndShowsOneWithItsLinesAndTotals() {
		Partner partner = newPartner("Blue Hosting");
		billingService.addInvoice(partner.accountId(), "inv-10-" + partner.accountId(), "2026-10", "26400");
		Browser browser = signedIn(partner);

		HttpResponse<String> list = browser.get("/partner/invoices?lang=en");

		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("class=\"invoice-row\"", "2026-10", "26,400 KRW", "Issued",
				"/partner/invoices/inv-10-" + partner.accountId(), "id=\"export-form\"");
		HttpResponse<String> detail = browser.get("/partner/invoices/inv-10-" + partner.accountId());
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("id=\"invoice-subtotal\">24,000 KRW", "id=\"invoice-tax\">2,400 KRW",
				"id=\"invoice-total\">26,400 KRW", "id=\"invoice-credits\">0 KRW", "products/server/skus/basic-1",
				"/partner/customers/c-1/resources", "id=\"payment-form\"", "value=\"26400\"");
		assertThat(billingService.requests).anySatisfy((seen) -> assertThat(seen.path())
			.isEqualTo("/v1/accounts/" + partner.accountId() + "/invoices/inv-10-" + partner.accountId()));
	}

	@Test
	void showsTheInvoicesInKorean() {
		Partner partner = newPartner("Blue Hosting");
		billingService.addInvoice(partner.accountId(), "inv-ko-" + partner.accountId(), "2026-10", "26400");
		Browser browser = signedIn(partner);

		HttpResponse<String> list = browser.get("/partner/invoices?lang=ko");

		assertThat(list.body()).contains("청구서", "발행", "CSV 내려받기");
	}

	@Test
	void paysAnInvoiceWithACashReceiptThenRedirects() {
		Partner partner = newPartner("Blue Hosting");
		String id = "inv-pay-" + partner.accountId();
		billingService.addInvoice(partner.accountId(), id, "2026-10", "26400");
		Browser browser = signedIn(partner);
		HttpResponse<String> detail = browser.get("/partner/invoices/" + id + "?lang=en");
		String key = value(detail.body(), "idempotencyKey");

		HttpResponse<String> paid = browser.submit("/partner/invoices/" + id + "/payments", "idempotencyKey", key,
				"amount", "26,400", "method", "BANK_TRANSFER", "document", "CASH_RECEIPT");

		assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
		assertThat(paid.headers().firstValue("Location")).hasValue("/partner/invoices/" + id);
		FakePartnerService.Seen post = billingService.requests.stream()
			.filter((seen) -> seen.method().equals("POST") && seen.path().endsWith(id + "/payments"))
			.findFirst()
			.orElseThrow();
		assertThat(post.idempotencyKey()).isEqualTo(key);
		assertThat(post.body()).containsEntry("amount", Map.of("currencyCode", "KRW", "amount", "26400"))
			.containsEntry("method", "BANK_TRANSFER")
			.containsEntry("document", "CASH_RECEIPT");
		HttpResponse<String> after = browser.follow(paid);
		assertThat(after.body()).contains("id=\"flash\"", "pt.invoices.payment-recorded", "Paid", "Cash receipt")
			.doesNotContain("id=\"payment-form\"");
	}

	@Test
	void explainsThatATaxInvoiceNeedsTheTaxContactAndLinksToTheSettings() {
		Partner partner = newPartner("Blue Hosting");
		String id = "inv-tax-" + partner.accountId();
		billingService.addInvoice(partner.accountId(), id, "2026-10", "26400");
		Browser browser = signedIn(partner);
		browser.get("/partner/invoices/" + id);

		HttpResponse<String> refused = browser.submit("/partner/invoices/" + id + "/payments", "amount", "26400",
				"method", "BANK_TRANSFER", "document", "TAX_INVOICE");

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"tax-contact-required\"",
				"href=\"/partner/settings#tax-contact-section\"", "id=\"payment-form\"");
		assertNoInternals(refused);
		partner.account().settings.put("taxContact", Map.of("name", "Kim", "email", "tax@example.com"));
		HttpResponse<String> paid = browser.submit("/partner/invoices/" + id + "/payments", "idempotencyKey",
				value(browser.lastBody(), "idempotencyKey"), "amount", "26400", "method", "BANK_TRANSFER", "document",
				"TAX_INVOICE");
		assertThat(paid.statusCode()).isEqualTo(303);
	}

	@Test
	void refusesAPaymentFormWithMistakesWithoutAskingBilling() {
		Partner partner = newPartner("Blue Hosting");
		String id = "inv-bad-" + partner.accountId();
		billingService.addInvoice(partner.accountId(), id, "2026-10", "26400");
		Browser browser = signedIn(partner);
		browser.get("/partner/invoices/" + id + "?lang=en");

		HttpResponse<String> refused = browser.submit("/partner/invoices/" + id + "/payments", "amount", "-5", "method",
				"BITCOIN", "document", "RECEIPT");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("Enter a positive amount", "Choose a payment method",
				"Choose a tax invoice or a cash receipt");
		assertThat(billingService.requests).noneSatisfy((seen) -> assertThat(seen.path()).endsWith(id + "/payments"));
	}

	@Test
	void refusesAPaymentWithoutTheCsrfToken() {
		Partner partner = newPartner("Blue Hosting");
		String id = "inv-csrf-" + partner.accountId();
		billingService.addInvoice(partner.accountId(), id, "2026-10", "26400");
		Browser browser = signedIn(partner);

		HttpResponse<String> refused = browser.post("/partner/invoices/" + id + "/payments",
				java.util.List.of("amount", "26400", "method", "BANK_TRANSFER", "document", "CASH_RECEIPT"));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(billingService.requests).noneSatisfy((seen) -> assertThat(seen.path()).endsWith(id + "/payments"));
	}

	@Test
	void anotherPartnersInvoiceIsNotFoundAndShowsNothingOfIt() {
		Partner owner = newPartner("Owner Hosting");
		Partner other = newPartner("Other Hosting");
		String id = "inv-owner-" + owner.accountId();
		billingService.addInvoice(owner.accountId(), id, "2026-10", "98765");
		Browser browser = signedIn(other);

		HttpResponse<String> detail = browser.get("/partner/invoices/" + id);
		browser.get("/partner/invoices");
		HttpResponse<String> pay = browser.submit("/partner/invoices/" + id + "/payments", "amount", "98765", "method",
				"BANK_TRANSFER", "document", "CASH_RECEIPT");

		assertThat(detail.statusCode()).isEqualTo(404);
		assertThat(detail.body()).contains("data-notice=\"not-found\"").doesNotContain("98,765", "98765");
		assertThat(pay.statusCode()).isEqualTo(404);
		assertThat(billingService.requests).filteredOn((seen) -> seen.path().contains(id))
			.allSatisfy((seen) -> assertThat(seen.path()).startsWith("/v1/accounts/" + other.accountId() + "/"));
		assertThat(owner.account().settings).doesNotContainKey("paid");
	}

	@Test
	void downloadsAMonthsExportAsACsvFile() {
		Partner partner = newPartner("Blue Hosting");
		String csv = "billing_account_id,invoice.month,cost_type,cost\n" + partner.accountId()
				+ ",202610,regular,24000\n";
		billingService.exports.put(partner.accountId(), Map.of("2026-10", csv));
		Browser browser = signedIn(partner);

		HttpResponse<String> download = browser.get("/partner/invoices/export?month=2026-10");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/csv"));
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"billing-export-" + partner.accountId() + "-2026-10.csv\"");
		assertThat(download.body()).isEqualTo(csv);
		assertThat(billingService.requests).anySatisfy((seen) -> {
			assertThat(seen.path()).isEqualTo("/v1/accounts/" + partner.accountId() + "/billing-export");
			assertThat(seen.query()).contains("month=2026-10", "format=csv");
		});
	}

	@Test
	void downloadsAnExportWhoseRowsTakeLongerThanTheUpstreamReadTimeout() {
		Partner partner = newPartner("Blue Hosting");
		String csv = "billing_account_id,cost\n" + (partner.accountId() + ",100\n").repeat(2000);
		billingService.exports.put(partner.accountId(), Map.of("2026-10", csv));
		billingService.slowExports.add(partner.accountId());
		Browser browser = signedIn(partner);

		HttpResponse<String> download = browser.get("/partner/invoices/export?month=2026-10");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(csv);
	}

	@Test
	void downloadsAMonthWithoutChargesAsTheHeaderAlone() {
		Partner partner = newPartner("Blue Hosting");
		Browser browser = signedIn(partner);

		HttpResponse<String> download = browser.get("/partner/invoices/export?month=2025-01");

		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo("billing_account_id,invoice.month,cost_type,cost\n");
	}

	@Test
	void explainsAnExportThatBillingRefusesOrAMissingMonth() {
		Partner partner = newPartner("Blue Hosting");
		billingService.refusedExports.add(partner.accountId());
		Browser browser = signedIn(partner);

		HttpResponse<String> refused = browser.get("/partner/invoices/export?month=2026-09");
		HttpResponse<String> noMonth = browser.get("/partner/invoices/export?month=last");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("data-notice=\"refused\"");
		assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
		assertNoInternals(refused);
		assertThat(noMonth.statusCode()).isEqualTo(400);
		assertThat(noMonth.body()).contains("data-notice=\"bad-month\"");
	}

	static String value(String body, String name) {
		Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
		if (!m.find()) {
			m = Pattern.compile("id=\"" + name + "\" name=\"" + name + "\" value=\"([^\"]*)\"").matcher(body);
			assertThat(m.find()).as(name).isTrue();
		}
		return m.group(1);
	}

}
