package com.cloudpartner.billing.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Billing settings.
 *
 * @param zone the billing time zone: month boundaries, billable hours and days
 * @param demoData whether to seed the local demo partner's contract (profile
 * {@code local})
 * @param runCron when the monthly billing run starts, in the billing zone
 * @param paymentTermsDays days after issue until an invoice is due (end of that day)
 * @param vatPercent VAT on the subtotal after credits, rounded down
 * @param runParallelism how many batches of accounts a billing run invoices at once
 * @param dedupeRetention how long after the end of its window the (source, id) of a usage
 * event is remembered; later usage is refused (at least a month plus a grace month)
 * @param runBatchSize how many accounts a billing run invoices in one transaction (those
 * with late usage, pending adjustments or credits are invoiced one at a time)
 */
@ConfigurationProperties("platform.billing")
public record BillingProperties(ZoneId zone, boolean demoData, String runCron, Integer paymentTermsDays,
		BigDecimal vatPercent, Integer runParallelism, Duration dedupeRetention, Integer runBatchSize) {

	/**
	 * The shortest retention: the longest month plus a week of grace for late metering.
	 */
	static final Duration MIN_DEDUPE_RETENTION = Duration.ofDays(38);

	@ConstructorBinding
	public BillingProperties {
		zone = (zone != null) ? zone : ZoneId.of("Asia/Seoul");
		runCron = (runCron != null) ? runCron : "0 5 0 1 * *";
		paymentTermsDays = (paymentTermsDays != null) ? paymentTermsDays : 30;
		vatPercent = (vatPercent != null) ? vatPercent : BigDecimal.TEN;
		runParallelism = (runParallelism != null) ? runParallelism : 4;
		dedupeRetention = (dedupeRetention != null) ? dedupeRetention : Duration.ofDays(62);
		runBatchSize = (runBatchSize != null) ? runBatchSize : 100;
		if (runParallelism < 1 || runBatchSize < 1) {
			throw new IllegalArgumentException(
					"platform.billing.run-parallelism and run-batch-size must be at least 1");
		}
		if (dedupeRetention.compareTo(MIN_DEDUPE_RETENTION) < 0) {
			throw new IllegalArgumentException("platform.billing.dedupe-retention must be at least "
					+ MIN_DEDUPE_RETENTION.toDays() + " days (a billing month plus a grace window)");
		}
	}

	/** The settings without a dedupe retention of their own (the default applies). */
	public BillingProperties(ZoneId zone, boolean demoData, String runCron, Integer paymentTermsDays,
			BigDecimal vatPercent, Integer runParallelism) {
		this(zone, demoData, runCron, paymentTermsDays, vatPercent, runParallelism, null, null);
	}

}
