package com.cloudpartner.entitlement.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.cloudpartner.entitlement.common.Events;
import com.cloudpartner.entitlement.common.IdempotencyKeys;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to the catalog. Every new offer is published as {@code offer.published} through
 * the outbox, in the transaction that stores it.
 */
@Service
public class CatalogManagement {

	private final Catalog catalog;

	private final Outbox outbox;

	private final IdempotencyKeys idempotencyKeys;

	private final Clock clock;

	CatalogManagement(Catalog catalog, Outbox outbox, IdempotencyKeys idempotencyKeys, Clock clock) {
		this.catalog = catalog;
		this.outbox = outbox;
		this.idempotencyKeys = idempotencyKeys;
		this.clock = clock;
	}

	@Transactional
	public Product createProduct(Product product, Caller caller) {
		return this.idempotencyKeys.once(caller.owner(), caller.idempotencyKey(), "CreateProduct", product,
				Product.class, () -> {
					if (this.catalog.findProduct(product.id()).isPresent()) {
						throw ApiProblem.conflict("PRODUCT_EXISTS", "Product " + product.name() + " already exists.");
					}
					this.catalog.insertProduct(product, now());
					return product;
				});
	}

	@Transactional
	public Sku createSku(Sku sku, Caller caller) {
		return this.idempotencyKeys.once(caller.owner(), caller.idempotencyKey(), "CreateSku", sku, Sku.class, () -> {
			if (this.catalog.findProduct(sku.productId()).isEmpty()) {
				throw ApiProblem.notFound("PRODUCT_NOT_FOUND", "There is no product products/" + sku.productId() + ".");
			}
			Set<String> names = new HashSet<>();
			for (int i = 0; i < sku.meters().size(); i++) {
				if (!names.add(sku.meters().get(i).meter())) {
					throw ApiProblem.invalidField("meters[" + i + "].meter", "is listed twice");
				}
			}
			if (this.catalog.findSku(sku.productId(), sku.id()).isPresent()) {
				throw ApiProblem.conflict("SKU_EXISTS", "SKU " + sku.name() + " already exists.");
			}
			this.catalog.insertSku(sku, now());
			return sku;
		});
	}

	@Transactional
	public Offer createOffer(NewOffer request, Caller caller) {
		return this.idempotencyKeys.once(caller.owner(), caller.idempotencyKey(), "CreateOffer", request, Offer.class,
				() -> {
					String[] skuKey = OfferRules.parseSkuName(request.sku());
					Sku sku = this.catalog.findSku(skuKey[0], skuKey[1])
						.orElseThrow(
								() -> ApiProblem.notFound("SKU_NOT_FOUND", "There is no SKU " + request.sku() + "."));
					Product product = this.catalog.findProduct(sku.productId()).orElseThrow();
					Instant now = now();
					Offer offer = OfferRules.offer(request, sku, now);
					if (this.catalog.findOffer(offer.id()).isPresent()) {
						throw ApiProblem.conflict("OFFER_EXISTS", "Offer " + offer.name() + " already exists.");
					}
					this.catalog.insertOffer(offer, now);
					this.outbox.append(Events.ENTITLEMENT_EVENTS, offer.name(), CloudEvent.of(Events.SOURCE,
							"offer.published", offer.name(), now, OfferPublished.of(offer, product)));
					return offer;
				});
	}

	/**
	 * Adds a price version: from {@code effectiveTime} on the offer is priced so; usage
	 * before it keeps the older price. Published as {@code offer.published} with that
	 * effective time.
	 */
	@Transactional
	public Offer addPriceVersion(String offerId, NewPriceVersion request, Caller caller) {
		return this.idempotencyKeys.once(caller.owner(), caller.idempotencyKey(), "AddPriceVersion",
				List.of(offerId, request), Offer.class, () -> {
					Offer offer = this.catalog.findOfferForUpdate(offerId).orElseThrow(() -> offerNotFound(offerId));
					Instant now = now();
					if (request.effectiveTime().isBefore(now.minusSeconds(60))) {
						throw ApiProblem.invalidField("effectiveTime",
								"must not be in the past: usage already rated keeps its price");
					}
					Sku sku = this.catalog.findSku(offer.productId(), offer.skuId()).orElseThrow();
					Offer checked = OfferRules.offer(new NewOffer(offer.id(), offer.skuName(), offer.displayName(),
							offer.paymentPlan(), offer.cycleDuration(), offer.periodType(), request.prices(),
							request.monthlyPrice(), request.effectiveTime()), sku, now);
					if (!checked.currency().equals(offer.currency())) {
						throw ApiProblem.invalidField("prices[0].listPrice.currencyCode",
								"must be " + offer.currency() + ", the offer's currency");
					}
					this.catalog.insertPriceVersion(offerId, request.effectiveTime(), checked.prices(),
							checked.monthlyPrice(), now);
					Offer version = new Offer(offer.id(), offer.productId(), offer.skuId(), offer.displayName(),
							offer.paymentPlan(), offer.cycleDuration(), offer.periodType(), offer.currency(),
							checked.prices(), checked.monthlyPrice(), request.effectiveTime(),
							offer.availabilityMode());
					Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
					this.outbox.append(Events.ENTITLEMENT_EVENTS, offer.name(), CloudEvent.of(Events.SOURCE,
							"offer.published", offer.name(), now, OfferPublished.of(version, product)));
					return version;
				});
	}

	/**
	 * Changes who may resell an offer. A partner that has resold it (created an
	 * entitlement on it) can never be de-authorized: {@code 409 PARTNER_HAS_RESOLD}.
	 */
	@Transactional
	public Availability changeAvailability(String offerId, Availability requested, Caller caller) {
		return this.idempotencyKeys.once(caller.owner(), caller.idempotencyKey(), "ChangeAvailability",
				List.of(offerId, requested), Availability.class, () -> {
					Offer offer = this.catalog.findOfferForUpdate(offerId).orElseThrow(() -> offerNotFound(offerId));
					List<String> partners = requested.partners().stream().distinct().sorted().toList();
					if (!"SELECTED_PARTNERS".equals(requested.mode()) && !partners.isEmpty()) {
						throw ApiProblem.invalidField("partners", "must be empty unless mode is SELECTED_PARTNERS");
					}
					List<String> unknown = this.catalog.unknownPartners(partners);
					if (!unknown.isEmpty()) {
						throw ApiProblem.invalidField("partners", "are not partner accounts: " + unknown);
					}
					List<String> deauthorized = this.catalog.resellers(offerId)
						.stream()
						.filter((reseller) -> switch (requested.mode()) {
							case Offer.ANY_PARTNER -> false;
							case "SELECTED_PARTNERS" -> !partners.contains(reseller);
							default -> true;
						})
						.toList();
					if (!deauthorized.isEmpty()) {
						throw ApiProblem.conflict("PARTNER_HAS_RESOLD", "Partners " + deauthorized + " have resold "
								+ offer.name() + " and cannot be de-authorized from it.");
					}
					Availability previous = new Availability(offer.availabilityMode(),
							this.catalog.selectedPartners(offerId));
					this.catalog.replaceAvailability(offerId, requested.mode(), partners);
					Availability now = new Availability(requested.mode(), partners);
					this.outbox.append(Events.ENTITLEMENT_EVENTS, offer.name(),
							CloudEvent.of(Events.SOURCE, "offer.availability.changed", offer.name(), now(),
									new AvailabilityChanged(offer.name(), now.mode(), now.partners(), previous.mode(),
											previous.partners())));
					return now;
				});
	}

	Availability availability(String offerId) {
		Offer offer = this.catalog.findOffer(offerId).orElseThrow(() -> offerNotFound(offerId));
		return new Availability(offer.availabilityMode(), this.catalog.selectedPartners(offerId));
	}

	static ApiProblem offerNotFound(String offerId) {
		return ApiProblem.notFound("OFFER_NOT_FOUND", "There is no offer offers/" + offerId + ".");
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Who may resell an offer.
	 *
	 * @param mode ANY_PARTNER, SELECTED_PARTNERS or NO_PARTNER
	 * @param partners the selected partner account ids
	 */
	public record Availability(String mode, List<String> partners) {

		public Availability {
			partners = (partners != null) ? List.copyOf(partners) : List.of();
		}

	}

	/**
	 * Data of {@code offer.availability.changed}
	 * (docs/events/offer.availability.changed.json).
	 */
	record AvailabilityChanged(String offer, String mode, List<String> partners, String previousMode,
			List<String> previousPartners) {

	}

	/**
	 * A new price version of an offer.
	 *
	 * @param effectiveTime from when
	 * @param prices list price per meter
	 * @param monthlyPrice optional monthly cap
	 */
	public record NewPriceVersion(Instant effectiveTime, List<NewOffer.NewPrice> prices,
			com.cloudpartner.entitlement.common.Money monthlyPrice) {

	}

	/**
	 * Who asks, for the idempotency key space.
	 *
	 * @param owner the key space, e.g. {@code operators/local-operator}
	 * @param idempotencyKey the {@code Idempotency-Key} header, may be null
	 */
	public record Caller(String owner, String idempotencyKey) {

		/** The demo catalog's caller: no idempotency key. */
		static Caller system() {
			return new Caller("system", null);
		}

	}

}
