package com.cloudpartner.billing.rating;

import java.math.BigDecimal;

/**
 * How a partner reprices for one customer: {@code customerCost = basis x (1 +
 * adjustmentPercent/100)}. Without a repricing config, {@link #NONE} (list prices).
 *
 * @param basis what the adjustment applies to
 * @param adjustmentPercent the partner's margin (or discount, when negative)
 */
public record Repricing(Basis basis, BigDecimal adjustmentPercent) {

	public static final Repricing NONE = new Repricing(Basis.COST_AT_LIST, BigDecimal.ZERO);

	/** The amount a repricing adjusts. */
	public enum Basis {

		COST_AT_LIST, DIRECT_CUSTOMER_COST

	}

}
