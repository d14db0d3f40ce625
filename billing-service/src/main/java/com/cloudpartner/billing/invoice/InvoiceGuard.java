package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.RatedItem;
import com.cloudpartner.billing.rating.RatingEngine;

/**
 * The last check before an invoice is issued, in the spirit of Kill Bill's invoice sanity
 * checks: an invoice whose lines do not add up, whose periodic charges exceed the monthly
 * price, or that would bill a resource-hour twice is refused, never issued.
 */
final class InvoiceGuard {

	private InvoiceGuard() {
	}

	static void check(InvoiceDraft draft, BillingMonth month) {
		List<String> problems = new ArrayList<>();
		int scale = RatingEngine.scale(draft.currencyCode());
		BigDecimal lines = draft.lines().stream().map(InvoiceDraft.Line::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (lines.compareTo(draft.subtotal()) != 0) {
			problems.add("lines add up to " + lines + ", not the subtotal " + draft.subtotal());
		}
		BigDecimal credits = draft.credits()
			.stream()
			.map(InvoiceDraft.AppliedCredit::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		if (credits.compareTo(draft.creditTotal()) != 0 || credits.signum() < 0
				|| credits.compareTo(draft.subtotal().max(BigDecimal.ZERO)) > 0) {
			problems.add("credits " + credits + " exceed the subtotal or do not add up");
		}
		if (draft.subtotal().subtract(draft.creditTotal()).add(draft.tax()).compareTo(draft.total()) != 0) {
			problems.add("subtotal - credits + tax is not the total");
		}
		Map<String, BigDecimal> periodsPerResource = new HashMap<>();
		for (InvoiceDraft.Line line : draft.lines()) {
			if (line.kind() != InvoiceDraft.Kind.REGULAR) {
				continue;
			}
			BigDecimal exact = line.items().stream().map(RatedItem::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (exact.setScale(scale, RoundingMode.HALF_UP).compareTo(line.cost()) != 0) {
				problems.add("line " + line.sku() + " of " + line.customerId() + " is not the sum of its resources");
			}
			for (RatedItem item : line.items()) {
				if (!item.unit().isPeriodic()) {
					continue;
				}
				if (item.monthlyPrice() != null && item.costAtList().compareTo(item.monthlyPrice()) > 0) {
					problems.add(item.resource() + " is charged " + item.costAtList() + " above its monthly price "
							+ item.monthlyPrice());
				}
				periodsPerResource.merge(item.resource() + "|" + line.sku() + "|" + line.meter() + "|" + item.unit(),
						item.units(), BigDecimal::add);
			}
		}
		periodsPerResource.forEach((key, units) -> {
			String unit = key.substring(key.lastIndexOf('|') + 1);
			long periods = month.periods(com.cloudpartner.billing.rating.MeterUnit.valueOf(unit));
			if (units.compareTo(BigDecimal.valueOf(periods)) > 0) {
				problems.add(key + " bills " + units + " periods of a month of " + periods + ": a period twice");
			}
		});
		if (!problems.isEmpty()) {
			throw new InvoiceRefused(draft.invoiceId() + " refused: " + String.join("; ", problems));
		}
	}

	/** The guard refused an invoice; nothing of it was issued. */
	static final class InvoiceRefused extends RuntimeException {

		InvoiceRefused(String message) {
			super(message);
		}

	}

}
