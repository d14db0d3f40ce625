package com.cloudpartner.entitlement.catalog;

/**
 * A product of the catalog, {@code products/{id}}.
 *
 * @param id the product id
 * @param displayName shown to partners
 * @param family IAAS or LICENSE
 * @param purchasable false for catalogued but not yet sold products
 */
public record Product(String id, String displayName, Family family, boolean purchasable) {

	public String name() {
		return "products/" + this.id;
	}

}
