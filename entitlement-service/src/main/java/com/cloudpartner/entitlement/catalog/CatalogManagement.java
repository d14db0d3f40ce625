package com.cloudpartner.entitlement.catalog;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
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

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
