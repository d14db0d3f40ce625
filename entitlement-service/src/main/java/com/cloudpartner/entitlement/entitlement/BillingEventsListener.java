package com.cloudpartner.entitlement.entitlement;

import java.sql.Timestamp;
import java.time.Clock;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.outbox.ProcessedEvents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows the partner's invoices on billing-events. {@code invoice.overdue}
 * (docs/events/invoice.overdue.json) adds PAYMENT_OVERDUE to the partner's entitlements
 * that are not cancelled, if {@code platform.entitlements.suspend-on-overdue} is on;
 * {@code invoice.paid} (docs/events/invoice.paid.json) lifts it again once none of the
 * partner's invoices is overdue any more (entitlements suspended for other reasons too
 * stay suspended). Each event applies once; an overdue notice for an invoice already paid
 * changes nothing.
 */
@Component
class BillingEventsListener {

	static final String CONSUMER = "entitlement-service";

	static final String TOPIC = "billing-events";

	static final String OVERDUE = "invoice.overdue";

	static final String PAID = "invoice.paid";

	private static final Logger log = LoggerFactory.getLogger(BillingEventsListener.class);

	private final EntitlementTerms terms;

	private final ProcessedEvents processed;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean suspendOnOverdue;

	BillingEventsListener(EntitlementTerms terms, ProcessedEvents processed, TransactionTemplate tx, JsonMapper json,
			JdbcClient jdbc, Clock clock,
			@Value("${platform.entitlements.suspend-on-overdue:false}") boolean suspendOnOverdue) {
		this.terms = terms;
		this.processed = processed;
		this.tx = tx;
		this.json = json;
		this.jdbc = jdbc;
		this.clock = clock;
		this.suspendOnOverdue = suspendOnOverdue;
	}

	@KafkaListener(topics = TOPIC, groupId = CONSUMER)
	void on(String record) {
		Envelope event = this.json.readValue(record, Envelope.class);
		if (event.id() == null || event.source() == null || event.type() == null) {
			throw new IllegalArgumentException("Not a CloudEvent with id, source and type");
		}
		if (!OVERDUE.equals(event.type()) && !PAID.equals(event.type())) {
			return;
		}
		InvoiceState data = (event.data() != null) ? this.json.treeToValue(event.data(), InvoiceState.class) : null;
		if (data == null || data.accountId() == null || data.invoiceId() == null) {
			throw new IllegalArgumentException(event.type() + " without data.accountId and data.invoiceId");
		}
		this.tx.executeWithoutResult((status) -> {
			if (!this.processed.firstTime(CONSUMER, event.source(), event.id())) {
				return;
			}
			if (OVERDUE.equals(event.type())) {
				overdue(data);
			}
			else {
				paid(data);
			}
		});
	}

	private void overdue(InvoiceState data) {
		boolean nowOverdue = this.jdbc.sql("""
				insert into billing_invoice (account_id, invoice_id, state, update_time)
				values (:account, :invoice, 'OVERDUE', :now) on conflict do nothing""")
			.param("account", data.accountId())
			.param("invoice", data.invoiceId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update() == 1;
		if (!nowOverdue) {
			log.info("Invoice {} of {} was already reported overdue or paid", data.invoiceId(), data.accountId());
			return;
		}
		if (this.suspendOnOverdue) {
			int suspended = this.terms.suspendAccount(data.accountId(), Entitlement.PAYMENT_OVERDUE);
			log.info("Invoice {} of {} is overdue: {} entitlement(s) suspended", data.invoiceId(), data.accountId(),
					suspended);
		}
	}

	private void paid(InvoiceState data) {
		this.jdbc
			.sql("""
					insert into billing_invoice (account_id, invoice_id, state, update_time)
					values (:account, :invoice, 'PAID', :now)
					on conflict (account_id, invoice_id) do update set state = 'PAID', update_time = excluded.update_time""")
			.param("account", data.accountId())
			.param("invoice", data.invoiceId())
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
		long stillOverdue = this.jdbc
			.sql("select count(*) from billing_invoice where account_id = :account and state = 'OVERDUE'")
			.param("account", data.accountId())
			.query(Long.class)
			.single();
		if (stillOverdue > 0) {
			log.info("Invoice {} of {} is paid; {} other invoice(s) still overdue", data.invoiceId(), data.accountId(),
					stillOverdue);
			return;
		}
		int lifted = this.terms.liftAccountSuspension(data.accountId(), Entitlement.PAYMENT_OVERDUE);
		log.info("Invoice {} of {} is paid and none is overdue: PAYMENT_OVERDUE lifted from {} entitlement(s)",
				data.invoiceId(), data.accountId(), lifted);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Envelope(String id, String source, String type, JsonNode data) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InvoiceState(String accountId, String invoiceId, String month) {

	}

}
