package com.cloudpartner.entitlement.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A sellable variant of a product, {@code products/{productId}/skus/{id}}.
 *
 * @param productId the product
 * @param id the SKU id
 * @param displayName shown to partners
 * @param meters what its usage is measured in
 */
public record Sku(String productId, String id, String displayName, List<Meter> meters) {

	public Sku {
		meters = List.copyOf(meters);
	}

	public String name() {
		return name(this.productId, this.id);
	}

	public static String name(String productId, String skuId) {
		return "products/" + productId + "/skus/" + skuId;
	}

	public Optional<Meter> meter(String name) {
		return this.meters.stream().filter((m) -> m.meter().equals(name)).findFirst();
	}

}
