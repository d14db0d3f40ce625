package com.cloudpartner.entitlement.partner;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.common.Events;
import com.cloudpartner.entitlement.partner.PartnerDirectory.BillingAccount;
import com.cloudpartner.entitlement.partner.PartnerEvents.CustomerCreated;
import com.cloudpartner.entitlement.partner.PartnerEvents.CustomerDeleted;
import com.cloudpartner.entitlement.partner.PartnerEvents.Envelope;
import com.cloudpartner.entitlement.partner.PartnerEvents.PartnerApproved;
import com.cloudpartner.entitlement.partner.PartnerEvents.PartnerStateChanged;
import com.cloudpartner.support.outbox.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@link PartnerDirectory} up to date from {@code partner-events}. Each event is
 * applied at most once (its effect and its processed-record commit together); a record
 * that cannot be read fails, is retried and ends on {@code partner-events.DLT}.
 */
@Component
class PartnerEventsListener {

	static final String CONSUMER = "entitlement-service";

	private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

	private final PartnerDirectory directory;

	private final ProcessedEvents processed;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final Clock clock;

	PartnerEventsListener(PartnerDirectory directory, ProcessedEvents processed, TransactionTemplate tx,
			JsonMapper json, Clock clock) {
		this.directory = directory;
		this.processed = processed;
		this.tx = tx;
		this.json = json;
		this.clock = clock;
	}

	@KafkaListener(topics = Events.PARTNER_EVENTS, groupId = CONSUMER)
	void on(String record) {
		Envelope event = this.json.readValue(record, Envelope.class);
		if (event.id() == null || event.source() == null || event.type() == null || event.data() == null) {
			throw new IllegalArgumentException("Not a CloudEvent with id, source, type and data");
		}
		this.tx.executeWithoutResult((status) -> {
			if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
				apply(event);
			}
		});
	}

	private void apply(Envelope event) {
		Instant now = this.clock.instant();
		switch (event.type()) {
			case "partner.approved" -> {
				PartnerApproved data = this.json.treeToValue(event.data(), PartnerApproved.class);
				String accountId = Objects.requireNonNull(data.accountId(), "accountId");
				this.directory.saveAccount(accountId, data.publicId(), data.displayName(),
						(data.state() != null) ? data.state() : "ACTIVE",
						(data.contract() != null) ? data.contract().currencyCode() : null, now);
				for (var billing : (data.billingAccounts() != null) ? data.billingAccounts()
						: List.<PartnerEvents.ApprovedBillingAccount>of()) {
					this.directory.saveBillingAccount(new BillingAccount(accountId, billing.id(), billing.displayName(),
							billing.currencyCode(), billing.regionCode()), now);
				}
			}
			case "partner.suspended", "partner.reinstated" -> {
				PartnerStateChanged data = this.json.treeToValue(event.data(), PartnerStateChanged.class);
				String state = (data.state() != null) ? data.state()
						: (event.type().equals("partner.suspended") ? "SUSPENDED" : "ACTIVE");
				this.directory.changeAccountState(Objects.requireNonNull(data.accountId(), "accountId"), state, now);
			}
			case "customer.created" -> {
				CustomerCreated data = this.json.treeToValue(event.data(), CustomerCreated.class);
				this.directory.saveCustomer(Objects.requireNonNull(data.accountId(), "accountId"),
						Objects.requireNonNull(data.customerId(), "customerId"), data.userId(), data.displayName(),
						true, now);
			}
			case "customer.deleted" -> {
				CustomerDeleted data = this.json.treeToValue(event.data(), CustomerDeleted.class);
				this.directory.deleteCustomer(Objects.requireNonNull(data.accountId(), "accountId"),
						Objects.requireNonNull(data.customerId(), "customerId"), now);
			}
			default -> log.debug("Ignoring {} {}", event.type(), event.id());
		}
	}

}
