package com.cloudpartner.billing.pricebook;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.billing.config.CloudEventEnvelope;
import com.cloudpartner.billing.config.PoisonEventException;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.PriceVersion;
import com.cloudpartner.support.outbox.ProcessedEvents;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the price book from {@code offer.published} (one version per effective time) and
 * the entitlement projection from {@code entitlement.*}.
 */
@Component
class EntitlementEventsListener {

	static final String CONSUMER = "billing-service/entitlement-events";

	private final JsonMapper json;

	private final ProcessedEvents processed;

	private final PriceBookRepository priceBook;

	private final Entitlements entitlements;

	private final PriceBookCache cache;

	EntitlementEventsListener(JsonMapper json, ProcessedEvents processed, PriceBookRepository priceBook,
			Entitlements entitlements, PriceBookCache cache) {
		this.cache = cache;
		this.json = json;
		this.processed = processed;
		this.priceBook = priceBook;
		this.entitlements = entitlements;
	}

	@KafkaListener(id = "billing-entitlement-events", topics = "entitlement-events",
			groupId = "${platform.billing.consumer-group:billing-service}")
	@Transactional
	public void onEvent(String value) {
		CloudEventEnvelope event = CloudEventEnvelope.parse(this.json, value);
		switch (event.type()) {
			case "offer.published" -> {
				List<PriceVersion> versions = event.data(this.json, OfferPublished.class).versions(event);
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					versions.forEach(this.priceBook::save);
					// forgotten again after the commit, so that no reload in between
					// keeps the
					// book without these versions
					this.cache.forget();
					org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
							new org.springframework.transaction.support.TransactionSynchronization() {
								@Override
								public void afterCommit() {
									EntitlementEventsListener.this.cache.forget();
								}
							});
				}
			}
			case "entitlement.created", "entitlement.changed", "entitlement.cancelled", "entitlement.suspended",
					"entitlement.activated", "entitlement.transferred" -> {
				EntitlementChanged changed = event.data(this.json, EntitlementChanged.class);
				changed.check(event);
				if (this.processed.firstTime(CONSUMER, event.source(), event.id())) {
					java.time.Instant at = changed.effectiveTime(event);
					this.entitlements.save(changed.accountId(), changed.entitlementId(), changed.customerId(),
							changed.offer(), changed.sku(), changed.stateOr(event.type()), at);
					changed.previous().ifPresent((from) -> this.entitlements.markTransferred(from[0], from[1], at));
				}
			}
			default -> {
				// other entitlement events do not affect billing yet
			}
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Money(String currencyCode, BigDecimal amount) {

		boolean isValid() {
			return this.currencyCode != null && this.amount != null && this.amount.signum() >= 0;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Price(String meter, String unit, Money listPrice) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record OfferPublished(String offer, String sku, List<Price> prices, Money monthlyPrice, Instant effectiveTime) {

		List<PriceVersion> versions(CloudEventEnvelope event) {
			if (this.offer == null || this.sku == null || this.prices == null || effectiveFrom(event) == null) {
				throw poison(event, "needs offer, sku, prices and effectiveTime (or time)");
			}
			if (this.monthlyPrice != null && !this.monthlyPrice.isValid()) {
				throw poison(event, "has an invalid monthlyPrice");
			}
			return this.prices.stream().map((price) -> version(event, price)).toList();
		}

		private PriceVersion version(CloudEventEnvelope event, Price price) {
			if (price == null || price.meter() == null || price.listPrice() == null || !price.listPrice().isValid()) {
				throw poison(event, "has a price without meter or valid listPrice");
			}
			MeterUnit unit;
			try {
				unit = MeterUnit.valueOf(String.valueOf(price.unit()));
			}
			catch (IllegalArgumentException ex) {
				throw poison(event, "has a price with unknown unit " + price.unit());
			}
			BigDecimal monthly = null;
			if (this.monthlyPrice != null
					&& this.monthlyPrice.currencyCode().equals(price.listPrice().currencyCode())) {
				monthly = this.monthlyPrice.amount();
			}
			return new PriceVersion(this.offer, this.sku, price.meter(), unit, price.listPrice().amount(),
					price.listPrice().currencyCode(), monthly, effectiveFrom(event));
		}

		/** An offer without an effective time is priced from its publication on. */
		private Instant effectiveFrom(CloudEventEnvelope event) {
			return (this.effectiveTime != null) ? this.effectiveTime : event.time();
		}

		private static PoisonEventException poison(CloudEventEnvelope event, String problem) {
			return new PoisonEventException("offer.published " + event.id() + " " + problem);
		}

	}

	/**
	 * Any {@code entitlement.*} event's data, read leniently: a transfer also names the
	 * entitlement it replaces ({@code fromAccountId}, {@code fromEntitlement}).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record EntitlementChanged(String accountId, String customerId, String entitlementId, String offer, String sku,
			String state, String fromAccountId, String fromEntitlement, Instant updateTime, Instant transferTime) {

		/**
		 * When the change took effect: the transfer's cut-over, else the entitlement's
		 * update time, else the event's time (else now: an event without any time).
		 */
		Instant effectiveTime(CloudEventEnvelope event) {
			if (this.transferTime != null) {
				return this.transferTime;
			}
			if (this.updateTime != null) {
				return this.updateTime;
			}
			return (event.time() != null) ? event.time() : Instant.now();
		}

		String stateOr(String type) {
			if (this.state != null && !this.state.isBlank()) {
				return this.state;
			}
			return switch (type) {
				case "entitlement.cancelled" -> "CANCELLED";
				case "entitlement.suspended" -> "SUSPENDED";
				default -> "ACTIVE";
			};
		}

		/** The replaced entitlement as {account, entitlementId}, for a transfer. */
		java.util.Optional<String[]> previous() {
			if (this.fromAccountId == null || this.fromEntitlement == null || !this.fromEntitlement.contains("/")) {
				return java.util.Optional.empty();
			}
			String id = this.fromEntitlement.substring(this.fromEntitlement.lastIndexOf('/') + 1);
			return java.util.Optional.of(new String[] { this.fromAccountId, id });
		}

		void check(CloudEventEnvelope event) {
			if (this.accountId == null || this.customerId == null || this.entitlementId == null) {
				throw new PoisonEventException(
						event.type() + " " + event.id() + " needs accountId, customerId and entitlementId");
			}
		}

	}

}
