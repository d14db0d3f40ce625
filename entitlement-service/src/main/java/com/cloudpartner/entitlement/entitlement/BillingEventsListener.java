package com.cloudpartner.entitlement.entitlement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.support.outbox.ProcessedEvents;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspends a partner's ACTIVE entitlements with PAYMENT_OVERDUE when billing-service
 * publishes {@code invoice.overdue} (docs/events/invoice.overdue.json), if
 * {@code platform.entitlements.suspend-on-overdue} is on. Each event applies once.
 */
@Component
class BillingEventsListener {

	static final String CONSUMER = "entitlement-service";

	static final String TOPIC = "billing-events";

	private static final Logger log = LoggerFactory.getLogger(BillingEventsListener.class);

	private final EntitlementTerms terms;

	private final ProcessedEvents processed;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final boolean suspendOnOverdue;

	BillingEventsListener(EntitlementTerms terms, ProcessedEvents processed, TransactionTemplate tx, JsonMapper json,
			@Value("${platform.entitlements.suspend-on-overdue:false}") boolean suspendOnOverdue) {
		this.terms = terms;
		this.processed = processed;
		this.tx = tx;
		this.json = json;
		this.suspendOnOverdue = suspendOnOverdue;
	}

	@KafkaListener(topics = TOPIC, groupId = CONSUMER)
	void on(String record) {
		Envelope event = this.json.readValue(record, Envelope.class);
		if (event.id() == null || event.source() == null || event.type() == null) {
			throw new IllegalArgumentException("Not a CloudEvent with id, source and type");
		}
		if (!"invoice.overdue".equals(event.type()) || !this.suspendOnOverdue) {
			return;
		}
		InvoiceOverdue data = this.json.treeToValue(event.data(), InvoiceOverdue.class);
		if (data == null || data.accountId() == null) {
			throw new IllegalArgumentException("invoice.overdue without data.accountId");
		}
		this.tx.executeWithoutResult((status) -> {
			if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
				int suspended = this.terms.suspendAccount(data.accountId(), Entitlement.PAYMENT_OVERDUE);
				log.info("Invoice {} of {} is overdue: {} entitlement(s) suspended", data.invoiceId(), data.accountId(),
						suspended);
			}
		});
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Envelope(String id, String source, String type, JsonNode data) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record InvoiceOverdue(String accountId, String invoiceId, String month) {

	}

}
