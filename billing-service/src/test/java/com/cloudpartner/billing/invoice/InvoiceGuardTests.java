package com.cloudpartner.billing.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cloudpartner.billing.rating.BillingMonth;
import com.cloudpartner.billing.rating.MeterUnit;
import com.cloudpartner.billing.rating.RatedItem;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceGuardTests {

	private static final BillingMonth NOVEMBER = new BillingMonth(YearMonth.of(2026, 11), ZoneId.of("Asia/Seoul"));

	@Test
	void issuesAnInvoiceWhoseLinesAddUp() {
		assertThatCode(() -> InvoiceGuard.check(draft(line(item("srv-1", 10, "450", "360")), "360"), NOVEMBER))
			.doesNotThrowAnyException();
	}

	@Test
	void refusesLinesThatDoNotAddUpToTheSubtotal() {
		assertThatThrownBy(() -> InvoiceGuard.check(draft(line(item("srv-1", 10, "450", "360")), "361"), NOVEMBER))
			.isInstanceOf(InvoiceGuard.InvoiceRefused.class)
			.hasMessageContaining("not the subtotal");
	}

	@Test
	void refusesHourlyChargesAboveTheMonthlyPrice() {
		assertThatThrownBy(
				() -> InvoiceGuard.check(draft(line(item("srv-1", 700, "31500", "25200")), "25200"), NOVEMBER))
			.hasMessageContaining("above its monthly price");
	}

	@Test
	void refusesToBillAResourceHourTwice() {
		// the same resource under two lines for 400 hours each: 800 of 720 hours
		InvoiceDraft.Line one = line(item("srv-1", 400, "18000", "14400"));
		InvoiceDraft.Line two = new InvoiceDraft.Line(InvoiceDraft.Kind.REGULAR, YearMonth.of(2026, 11), "c2", "sku",
				"vm-hours", BigDecimal.valueOf(400), new BigDecimal("18000"), new BigDecimal("14400"),
				new BigDecimal("18000"), null, null, null, null, List.of(item("srv-1", 400, "18000", "14400")));
		InvoiceDraft draft = new InvoiceDraft("a", "inv", YearMonth.of(2026, 11), "KRW", List.of(one, two), List.of(),
				new BigDecimal("28800"), BigDecimal.ZERO, new BigDecimal("2880"), new BigDecimal("31680"),
				Instant.now(), Instant.now());

		assertThatThrownBy(() -> InvoiceGuard.check(draft, NOVEMBER)).hasMessageContaining("a period twice");
	}

	private static InvoiceDraft draft(InvoiceDraft.Line line, String subtotal) {
		BigDecimal sub = new BigDecimal(subtotal);
		BigDecimal tax = sub.movePointLeft(1).setScale(0, java.math.RoundingMode.DOWN);
		return new InvoiceDraft("a", "inv", YearMonth.of(2026, 11), "KRW", List.of(line), List.of(), sub,
				BigDecimal.ZERO, tax, sub.add(tax), Instant.now(), Instant.now());
	}

	private static InvoiceDraft.Line line(RatedItem item) {
		return new InvoiceDraft.Line(InvoiceDraft.Kind.REGULAR, YearMonth.of(2026, 11), "c1", "sku", "vm-hours",
				item.units(), item.costAtList().setScale(0), item.cost().setScale(0), item.costAtList().setScale(0),
				null, null, null, null, List.of(item));
	}

	private static RatedItem item(String resource, long hours, String costAtList, String cost) {
		return new RatedItem(resource, "e1", "offers/o", MeterUnit.HOUR, BigDecimal.valueOf(hours), null, null,
				new BigDecimal("45"), new BigDecimal("30000"), new BigDecimal(costAtList), new BigDecimal(cost),
				new BigDecimal(costAtList), null);
	}

}
