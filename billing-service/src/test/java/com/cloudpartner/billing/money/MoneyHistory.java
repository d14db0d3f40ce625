package com.cloudpartner.billing.money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated history of one billing month (and the first days of the next) as the other
 * services and the partners would make it: partners and their supply discounts, offers
 * and their price versions, customers' repricing configs, entitlements and their changes,
 * usage events in the order they are sent, credits and adjustments. Plain data, printed
 * when a seed fails so that the history can be read and replayed.
 *
 * @param seed what generated it
 * @param month the billed month
 * @param zone the billing time zone
 * @param partners the accounts (the first is the main one; a second one takes transfers)
 * @param offers the offers with their price versions
 * @param entitlements the entitlements with their histories
 * @param repricings customer repricing configs
 * @param usage usage events in sending order
 * @param credits credits granted during the month
 * @param adjustments operator adjustments
 * @param runAll whether the billing runs cover all accounts (else one run per account)
 */
public record MoneyHistory(long seed, YearMonth month, ZoneId zone, List<Partner> partners, List<Offer> offers,
		List<Entitlement> entitlements, List<Repricing> repricings, List<Usage> usage, List<Credit> credits,
		List<Adjustment> adjustments, boolean runAll) {

	public Instant monthStart() {
		return this.month.atDay(1).atStartOfDay(this.zone).toInstant();
	}

	public Instant monthEnd() {
		return this.month.plusMonths(1).atDay(1).atStartOfDay(this.zone).toInstant();
	}

	/** The same history with only some of its usage (shrinking a failure). */
	public MoneyHistory withUsage(List<Usage> kept) {
		return new MoneyHistory(this.seed, this.month, this.zone, this.partners, this.offers, this.entitlements,
				this.repricings, kept, this.credits, this.adjustments, this.runAll);
	}

	/** The same history without some credits and adjustments (shrinking a failure). */
	public MoneyHistory withLedger(List<Credit> credits, List<Adjustment> adjustments) {
		return new MoneyHistory(this.seed, this.month, this.zone, this.partners, this.offers, this.entitlements,
				this.repricings, this.usage, credits, adjustments, this.runAll);
	}

	public String describe() {
		StringBuilder out = new StringBuilder();
		out.append("seed ")
			.append(this.seed)
			.append(", month ")
			.append(this.month)
			.append(" (")
			.append(this.zone)
			.append("), ")
			.append(this.runAll ? "runs over all accounts" : "runs per account")
			.append('\n');
		this.partners.forEach((p) -> out.append("  ").append(p).append('\n'));
		this.offers.forEach((o) -> out.append("  ").append(o).append('\n'));
		this.entitlements.forEach((e) -> out.append("  ").append(e).append('\n'));
		this.repricings.forEach((r) -> out.append("  ").append(r).append('\n'));
		this.credits.forEach((c) -> out.append("  ").append(c).append('\n'));
		this.adjustments.forEach((a) -> out.append("  ").append(a).append('\n'));
		out.append("  ").append(this.usage.size()).append(" usage events:\n");
		this.usage.forEach((u) -> out.append("    ").append(u).append('\n'));
		return out.toString();
	}

	/** The meters' units that rating knows. */
	public enum Unit {

		HOUR, DAY, GB, COUNT, MONTH;

		boolean periodic() {
			return this == HOUR || this == DAY;
		}

	}

	/**
	 * A partner account.
	 *
	 * @param accountId its id
	 * @param discounts supply discount versions; the first one is the approved terms
	 */
	public record Partner(String accountId, List<Discount> discounts) {
	}

	/**
	 * A supply discount from a time on.
	 *
	 * @param from its effective time
	 * @param percent the discount
	 * @param published when partner-service tells it (at or before {@code from})
	 */
	public record Discount(Instant from, BigDecimal percent, Instant published) {
	}

	/**
	 * An offer of one SKU's meter with its price versions.
	 *
	 * @param offer the offer's name
	 * @param sku the SKU's name
	 * @param meter the meter
	 * @param unit its unit
	 * @param versions oldest first
	 */
	public record Offer(String offer, String sku, String meter, Unit unit, List<Price> versions) {
	}

	/**
	 * A price version.
	 *
	 * @param from its effective time
	 * @param listPrice per unit
	 * @param monthlyPrice the monthly price of a periodic meter, or {@code null}
	 * @param published when the operator publishes it (at or before {@code from}: a
	 * repricing may be announced ahead)
	 */
	public record Price(Instant from, BigDecimal listPrice, BigDecimal monthlyPrice, Instant published) {
	}

	/**
	 * An entitlement and what happened to it.
	 *
	 * @param accountId its partner
	 * @param customerId its customer
	 * @param entitlementId its id
	 * @param versions its terms from each change on, oldest first (the first is its
	 * creation)
	 * @param transferredFrom for a transfer: the account and entitlement it replaces
	 */
	public record Entitlement(String accountId, String customerId, String entitlementId, List<Version> versions,
			String[] transferredFrom) {

		@Override
		public String toString() {
			return "Entitlement[" + this.accountId + "/" + this.customerId + "/" + this.entitlementId + " "
					+ this.versions
					+ ((this.transferredFrom != null)
							? " transferred from " + this.transferredFrom[0] + "/" + this.transferredFrom[1] : "")
					+ "]";
		}

	}

	/**
	 * An entitlement's terms from a time on.
	 *
	 * @param from when
	 * @param offer the offer
	 * @param state ACTIVE, SUSPENDED, CANCELLED or TRANSFERRED
	 * @param event the entitlement event that tells it
	 * @param maxUnits its {@code maxUnits} parameter (a change-parameters changes only
	 * this)
	 */
	public record Version(Instant from, String offer, String state, String event, int maxUnits) {
	}

	/**
	 * A customer repricing config.
	 *
	 * @param accountId the partner
	 * @param customerId the customer
	 * @param effectiveMonth from which month
	 * @param basis COST_AT_LIST or DIRECT_CUSTOMER_COST
	 * @param adjustmentPercent the adjustment
	 * @param overrides per SKU group, first match wins
	 */
	public record Repricing(String accountId, String customerId, YearMonth effectiveMonth, String basis,
			BigDecimal adjustmentPercent, List<SkuGroup> overrides) {
	}

	/**
	 * A SKU group's own terms: listed SKUs or a name prefix.
	 *
	 * @param skus listed SKUs, or empty
	 * @param skuPrefix a prefix, or {@code null}
	 * @param basis its basis
	 * @param adjustmentPercent its adjustment
	 */
	public record SkuGroup(List<String> skus, String skuPrefix, String basis, BigDecimal adjustmentPercent) {

		boolean matches(String sku) {
			return this.skus.contains(sku) || (this.skuPrefix != null && sku.startsWith(this.skuPrefix));
		}

	}

	/**
	 * One usage.recorded event as sent.
	 *
	 * @param id its id
	 * @param source its source
	 * @param accountId data.accountId
	 * @param customerId data.customerId
	 * @param entitlementId data.entitlementId
	 * @param resource its subject
	 * @param sku data.sku
	 * @param meter data.meter
	 * @param unit data.unit
	 * @param quantity data.quantity
	 * @param start data.windowStart
	 * @param end data.windowEnd
	 * @param wave when it is sent: 0 during the month, 1 again during the month after the
	 * first wave was consumed (repeats), 2 after the month's billing run (late usage)
	 */
	public record Usage(String id, String source, String accountId, String customerId, String entitlementId,
			String resource, String sku, String meter, Unit unit, BigDecimal quantity, Instant start, Instant end,
			int wave) {

		/** The identity the platform dedupes on. */
		public String identity() {
			return this.accountId + "|" + this.source + "|" + this.id;
		}

		@Override
		public String toString() {
			return this.wave + " " + this.id + " " + this.accountId + "/" + this.customerId + "/" + this.entitlementId
					+ " " + this.resource.substring(this.resource.lastIndexOf('/') + 1) + " " + this.sku + " "
					+ this.meter + " " + this.quantity.toPlainString() + " " + this.unit + " [" + this.start + ", "
					+ this.end + ")";
		}

	}

	/**
	 * A credit granted by the operator during the month.
	 *
	 * @param accountId the partner
	 * @param type PROMOTION, GOODWILL, ...
	 * @param amount its amount
	 * @param grantedAt the billing clock when granted
	 * @param expireTime when it expires, or {@code null}
	 */
	public record Credit(String accountId, String type, BigDecimal amount, Instant grantedAt, Instant expireTime) {
	}

	/**
	 * An operator adjustment.
	 *
	 * @param accountId the partner
	 * @param type PRICE_CORRECTION, GOODWILL, ...
	 * @param amount signed amount
	 * @param afterRun whether it is made after the month's run (then on the next invoice)
	 */
	public record Adjustment(String accountId, String type, BigDecimal amount, boolean afterRun) {
	}

	static <T> List<T> copy(List<T> list) {
		return new ArrayList<>(list);
	}

}
