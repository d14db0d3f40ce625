package com.cloudpartner.billing.rating;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a partner reprices for one customer: {@code customerCost = basis x (1 +
 * adjustmentPercent/100)}, per SKU group when an override matches (the first matching
 * override wins). Without a repricing config, {@link #NONE} (list prices).
 *
 * @param basis what the adjustment applies to
 * @param adjustmentPercent the partner's margin (or discount, when negative)
 * @param overrides per-SKU-group terms, in order
 * @param name the config's resource name, or {@code null}
 */
public record Repricing(Basis basis, BigDecimal adjustmentPercent, List<Override> overrides, String name) {

	public static final Repricing NONE = new Repricing(Basis.COST_AT_LIST, BigDecimal.ZERO);

	public Repricing {
		overrides = (overrides != null) ? List.copyOf(overrides) : List.of();
	}

	public Repricing(Basis basis, BigDecimal adjustmentPercent) {
		this(basis, adjustmentPercent, List.of(), null);
	}

	/** The terms that apply to a SKU: the first matching override, else the defaults. */
	public Repricing forSku(String sku) {
		for (Override override : this.overrides) {
			if (override.matches(sku)) {
				return new Repricing(override.basis(), override.adjustmentPercent(), List.of(), this.name);
			}
		}
		return this;
	}

	/** The amount a repricing adjusts. */
	public enum Basis {

		COST_AT_LIST, DIRECT_CUSTOMER_COST

	}

	/**
	 * Terms for a group of SKUs: listed SKUs, or every SKU whose name starts with a
	 * prefix.
	 *
	 * @param skus SKU names, or {@code null}
	 * @param skuPrefix a name prefix, or {@code null}
	 * @param basis the basis for the group
	 * @param adjustmentPercent the adjustment for the group
	 */
	public record Override(List<String> skus, String skuPrefix, Basis basis, BigDecimal adjustmentPercent) {

		public Override {
			skus = (skus != null) ? List.copyOf(skus) : List.of();
		}

		boolean matches(String sku) {
			return this.skus.contains(sku) || (this.skuPrefix != null && sku.startsWith(this.skuPrefix));
		}

	}

}
