package com.cloudpartner.billing.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.CloudEventEnvelope;
import com.cloudpartner.billing.config.PoisonEventException;
import com.cloudpartner.support.outbox.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the contract projection current from {@code partner-events}: approval brings the
 * supply discount and currency, suspension and reinstatement the state; customer creation
 * and deletion keep the customer projection the billing export reads. Other types are not
 * billing's business.
 */
@Component
class PartnerEventsListener {

	static final String CONSUMER = "billing-service/partner-events";

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JsonMapper json;

	private final ProcessedEvents processed;

	private final AccountContracts contracts;

	private final Customers customers;

	PartnerEventsListener(JsonMapper json, ProcessedEvents processed, AccountContracts contracts, Customers customers) {
		this.json = json;
		this.processed = processed;
		this.contracts = contracts;
		this.customers = customers;
	}

	@KafkaListener(id = "billing-partner-events", topics = "partner-events",
			groupId = "${platform.billing.consumer-group:billing-service}")
	@Transactional
	public void onEvent(String value) {
		CloudEventEnvelope event = CloudEventEnvelope.parse(this.json, value);
		switch (event.type()) {
			case "partner.approved" -> {
				PartnerApproved approved = event.data(this.json, PartnerApproved.class);
				approved.check(event);
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					this.contracts.saveContract(approved.accountId(), stateOr(approved.state(), "ACTIVE"),
							approved.contract().supplyDiscountPercent(), approved.contract().currencyCode(),
							approved.contract().reference());
					// the approved terms price everything before the first change
					this.contracts.saveVersion(approved.accountId(), Instant.EPOCH,
							approved.contract().supplyDiscountPercent(), approved.contract().currencyCode(),
							approved.contract().reference());
				}
			}
			case "partner.contract.changed" -> {
				ContractChanged changed = event.data(this.json, ContractChanged.class);
				changed.check(event);
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					Instant from = (changed.effectiveTime() != null) ? changed.effectiveTime() : event.time();
					this.contracts.saveVersion(changed.accountId(), (from != null) ? from : Instant.EPOCH,
							changed.contract().supplyDiscountPercent(), changed.contract().currencyCode(),
							changed.contract().reference());
					String state = this.contracts.find(changed.accountId())
						.map(AccountContracts.AccountContract::state)
						.orElse("ACTIVE");
					this.contracts.saveContract(changed.accountId(), state, changed.contract().supplyDiscountPercent(),
							changed.contract().currencyCode(), changed.contract().reference());
				}
			}
			case "partner.suspended", "partner.reinstated" -> {
				PartnerStateChanged changed = event.data(this.json, PartnerStateChanged.class);
				if (changed.accountId() == null || changed.accountId().isBlank()) {
					throw new PoisonEventException(event.type() + " " + event.id() + " names no account");
				}
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					String fallback = event.type().equals("partner.suspended") ? "SUSPENDED" : "ACTIVE";
					this.contracts.saveState(changed.accountId(), stateOr(changed.state(), fallback));
				}
			}
			case "customer.created", "customer.updated" -> {
				CustomerCreated created = event.data(this.json, CustomerCreated.class);
				created.check(event);
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					this.customers.created(created.accountId(), created.customerId(), created.userId(),
							created.displayName(), created.correlationId(), event.time());
				}
			}
			case "customer.deleted" -> {
				CustomerCreated deleted = event.data(this.json, CustomerCreated.class);
				deleted.check(event);
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					this.customers.deleted(deleted.accountId(), deleted.customerId(), event.time());
				}
			}
			default -> {
				// partner.created and the like: not billing's business
			}
		}
	}

	private static String stateOr(String state, String fallback) {
		return (state != null && !state.isBlank()) ? state : fallback;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PartnerApproved(String accountId, String state, ContractTerms contract) {

		void check(CloudEventEnvelope event) {
			String problem = null;
			if (this.accountId == null || this.accountId.isBlank()) {
				problem = "names no account";
			}
			else if (this.contract == null || this.contract.supplyDiscountPercent() == null
					|| this.contract.currencyCode() == null) {
				problem = "has no contract with supplyDiscountPercent and currencyCode";
			}
			else if (this.contract.supplyDiscountPercent().signum() < 0
					|| this.contract.supplyDiscountPercent().compareTo(HUNDRED) > 0) {
				problem = "has a supplyDiscountPercent outside 0..100";
			}
			else if (!isCurrency(this.contract.currencyCode())) {
				problem = "has an unknown currencyCode";
			}
			if (problem != null) {
				throw new PoisonEventException("partner.approved " + event.id() + " " + problem);
			}
		}

		private static boolean isCurrency(String code) {
			try {
				return code.length() == 3 && Currency.getInstance(code) != null;
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ContractChanged(String accountId, ContractTerms contract, Instant effectiveTime) {

		void check(CloudEventEnvelope event) {
			new PartnerApproved(this.accountId, "ACTIVE", this.contract).check(event);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ContractTerms(String reference, BigDecimal supplyDiscountPercent, String currencyCode) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record CustomerCreated(String accountId, String customerId, String userId, String displayName,
			String correlationId) {

		void check(CloudEventEnvelope event) {
			if (this.accountId == null || this.accountId.isBlank() || this.customerId == null
					|| this.customerId.isBlank()) {
				throw new PoisonEventException(event.type() + " " + event.id() + " names no account and customer");
			}
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PartnerStateChanged(String accountId, String state) {
	}

}
