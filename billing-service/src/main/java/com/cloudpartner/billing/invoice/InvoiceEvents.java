package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cloudpartner.billing.charges.Money;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;

import org.springframework.stereotype.Component;

/**
 * {@code invoice.issued}, {@code invoice.paid} and {@code invoice.overdue} on
 * {@code billing-events}, keyed {@code accounts/{a}}, through the outbox (docs/events).
 */
@Component
class InvoiceEvents {

	static final String TOPIC = "billing-events";

	static final String SOURCE = "/billing-service";

	private final Outbox outbox;

	InvoiceEvents(Outbox outbox) {
		this.outbox = outbox;
	}

	/** {@code invoice.issued} of each invoice, in one statement. */
	void issued(List<InvoiceDraft> drafts) {
		List<Outbox.Entry> entries = new ArrayList<>(drafts.size());
		for (InvoiceDraft draft : drafts) {
			Map<String, Object> data = base(draft.accountId(), draft.invoiceId(), draft.month().toString(), "ISSUED");
			data.put("subtotal", Money.of(draft.currencyCode(), draft.subtotal()));
			data.put("credits", Money.of(draft.currencyCode(), draft.creditTotal()));
			data.put("tax", Money.of(draft.currencyCode(), draft.tax()));
			data.put("total", Money.of(draft.currencyCode(), draft.total()));
			data.put("issuedAt", draft.issuedAt());
			data.put("dueAt", draft.dueAt());
			entries.add(entry("invoice.issued", draft.accountId(), draft.invoiceId(), draft.issuedAt(), data));
		}
		this.outbox.appendAll(entries);
	}

	void paid(String accountId, String invoiceId, String month, String currency, BigDecimal total, BigDecimal paid,
			Instant paidAt) {
		Map<String, Object> data = base(accountId, invoiceId, month, "PAID");
		data.put("total", Money.of(currency, total));
		data.put("paid", Money.of(currency, paid));
		data.put("paidAt", paidAt);
		publish("invoice.paid", accountId, invoiceId, paidAt, data);
	}

	void overdue(String accountId, String invoiceId, String month, String currency, BigDecimal total, Instant dueAt,
			Instant now) {
		Map<String, Object> data = base(accountId, invoiceId, month, "OVERDUE");
		data.put("total", Money.of(currency, total));
		data.put("dueAt", dueAt);
		publish("invoice.overdue", accountId, invoiceId, now, data);
	}

	private static Map<String, Object> base(String accountId, String invoiceId, String month, String state) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("accountId", accountId);
		data.put("invoiceId", invoiceId);
		data.put("month", month);
		data.put("state", state);
		return data;
	}

	private void publish(String type, String accountId, String invoiceId, Instant time, Map<String, Object> data) {
		this.outbox.appendAll(List.of(entry(type, accountId, invoiceId, time, data)));
	}

	private static Outbox.Entry entry(String type, String accountId, String invoiceId, Instant time,
			Map<String, Object> data) {
		return new Outbox.Entry(TOPIC, "accounts/" + accountId,
				CloudEvent.of(SOURCE, type, "accounts/" + accountId + "/invoices/" + invoiceId, time, data));
	}

}
