package com.cloudpartner.billing.invoice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.cloudpartner.billing.config.BillingClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flips ISSUED invoices past their due date to OVERDUE and publishes
 * {@code invoice.overdue} (entitlement-service may suspend the partner's entitlements
 * with a payment reason when configured to).
 */
@Service
public class OverdueInvoices {

	private final JdbcClient jdbc;

	private final InvoiceEvents events;

	private final BillingClock clock;

	OverdueInvoices(JdbcClient jdbc, InvoiceEvents events, BillingClock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${platform.billing.overdue-check-interval:60s}", initialDelayString = "5s")
	@Transactional
	public int markOverdue() {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update invoice set state = 'OVERDUE' where state = 'ISSUED' and due_at <= :now
				returning account_id, invoice_id, month, currency_code, total, due_at""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				this.events.overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4).trim(),
						rs.getBigDecimal(5), rs.getObject(6, OffsetDateTime.class).toInstant(), now);
				return 1;
			})
			.list()
			.size();
	}

}
