package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.PaymentPlan;
import com.cloudpartner.support.problem.ApiProblem;

/**
 * A customer's right to use an offer's SKU,
 * {@code accounts/{accountId}/customers/{customerId}/entitlements/{id}}. It is SUSPENDED
 * while it has any suspension reason, and only the reason a change names is added or
 * removed: a reseller's activate never lifts a TRIAL_ENDED or PAYMENT_OVERDUE suspension.
 *
 * @param accountId the reselling partner
 * @param customerId the partner's customer
 * @param id the entitlement id
 * @param offerId the purchased offer
 * @param sku the SKU's resource name
 * @param state ACTIVE, SUSPENDED or CANCELLED
 * @param suspensionReasons why it is suspended
 * @param parameters purchase parameters
 * @param billingAccountId the partner's billing account charged for it
 * @param purchaseOrderId the partner's reference, if any
 * @param createTime when it was created
 * @param updateTime when it last changed
 * @param trialEndTime when a TRIAL offer ends by itself, if it is one
 * @param commitmentEndTime when the current term of a COMMITMENT offer ends
 * @param renewalEnabled whether a commitment renews at its end (else it is suspended with
 * RENEWAL_WITH_TYPE_CANCEL)
 */
record Entitlement(String accountId, String customerId, String id, String offerId, String sku, EntitlementState state,
		List<String> suspensionReasons, List<Parameter> parameters, String billingAccountId, String purchaseOrderId,
		Instant createTime, Instant updateTime, Instant trialEndTime, Instant commitmentEndTime,
		boolean renewalEnabled) {

	static final String RENEWAL_WITH_TYPE_CANCEL = "RENEWAL_WITH_TYPE_CANCEL";

	static final String RESELLER_INITIATED = "RESELLER_INITIATED";

	static final String TRIAL_ENDED = "TRIAL_ENDED";

	static final String PAYMENT_OVERDUE = "PAYMENT_OVERDUE";

	Entitlement {
		suspensionReasons = List.copyOf(suspensionReasons);
		parameters = List.copyOf(parameters);
	}

	Entitlement(String accountId, String customerId, String id, String offerId, String sku, EntitlementState state,
			List<String> suspensionReasons, List<Parameter> parameters, String billingAccountId, String purchaseOrderId,
			Instant createTime, Instant updateTime) {
		this(accountId, customerId, id, offerId, sku, state, suspensionReasons, parameters, billingAccountId,
				purchaseOrderId, createTime, updateTime, null, null, true);
	}

	static Entitlement create(String accountId, String customerId, Offer offer, List<Parameter> parameters,
			String billingAccountId, String purchaseOrderId, Instant now) {
		return new Entitlement(accountId, customerId, UUID.randomUUID().toString(), offer.id(), offer.skuName(),
				EntitlementState.ACTIVE, List.of(), parameters, billingAccountId, purchaseOrderId, now, now,
				trialEnd(offer, now), termEnd(offer, now), true);
	}

	String name() {
		return "accounts/" + this.accountId + "/customers/" + this.customerId + "/entitlements/" + this.id;
	}

	String offerName() {
		return "offers/" + this.offerId;
	}

	String billingAccountName() {
		return "accounts/" + this.accountId + "/billingAccounts/" + this.billingAccountId;
	}

	/** Cancelling is final: a second cancel is a conflict, not a no-op. */
	Entitlement cancel(Instant now) {
		requireNotCancelled();
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku,
				EntitlementState.CANCELLED, List.of(), this.parameters, this.billingAccountId, this.purchaseOrderId,
				this.createTime, now, null, null, this.renewalEnabled);
	}

	/** Adds a suspension reason; the reseller may not suspend twice. */
	Entitlement suspend(String reason, Instant now) {
		requireNotCancelled();
		if (this.suspensionReasons.contains(reason)) {
			if (RESELLER_INITIATED.equals(reason)) {
				throw ApiProblem.conflict("ENTITLEMENT_ALREADY_SUSPENDED",
						"Entitlement " + name() + " is already suspended by the reseller.");
			}
			return this;
		}
		List<String> reasons = new ArrayList<>(this.suspensionReasons);
		reasons.add(reason);
		return withReasons(reasons, now);
	}

	/** Lifts one suspension reason; the entitlement is ACTIVE again once none is left. */
	Entitlement lift(String reason, Instant now) {
		requireNotCancelled();
		if (!this.suspensionReasons.contains(reason)) {
			if (RESELLER_INITIATED.equals(reason)) {
				throw ApiProblem.conflict("NOT_SUSPENDED_BY_RESELLER", "Entitlement " + name()
						+ " is not suspended by the reseller; reasons: " + this.suspensionReasons + ".");
			}
			return this;
		}
		List<String> reasons = new ArrayList<>(this.suspensionReasons);
		reasons.remove(reason);
		return withReasons(reasons, now);
	}

	/**
	 * Moves to another offer of the same SKU (plan change, trial conversion) or of
	 * another SKU (upgrade, downgrade). A trial converted to a paid offer loses its
	 * TRIAL_ENDED suspension; a commitment offer starts a new term.
	 */
	Entitlement changeOffer(Offer offer, List<Parameter> parameters, String billingAccountId, Instant now) {
		requireNotCancelled();
		List<String> reasons = new ArrayList<>(this.suspensionReasons);
		if (offer.paymentPlan() != PaymentPlan.TRIAL) {
			reasons.remove(TRIAL_ENDED);
		}
		Instant termEnd = (offer.id().equals(this.offerId)) ? this.commitmentEndTime : termEnd(offer, now);
		return new Entitlement(this.accountId, this.customerId, this.id, offer.id(), offer.skuName(),
				reasons.isEmpty() ? EntitlementState.ACTIVE : EntitlementState.SUSPENDED, reasons, parameters,
				billingAccountId, this.purchaseOrderId, this.createTime, now,
				(offer.paymentPlan() == PaymentPlan.TRIAL) ? this.trialEndTime : null, termEnd, this.renewalEnabled);
	}

	Entitlement withParameters(List<Parameter> parameters, Instant now) {
		requireNotCancelled();
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku, this.state,
				this.suspensionReasons, parameters, this.billingAccountId, this.purchaseOrderId, this.createTime, now,
				this.trialEndTime, this.commitmentEndTime, this.renewalEnabled);
	}

	Entitlement withRenewal(boolean enabled, Instant now) {
		requireNotCancelled();
		if (this.commitmentEndTime == null) {
			throw ApiProblem.conflict("NOT_A_COMMITMENT",
					"Entitlement " + name() + " has no commitment term to renew or not.");
		}
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku, this.state,
				this.suspensionReasons, this.parameters, this.billingAccountId, this.purchaseOrderId, this.createTime,
				now, this.trialEndTime, this.commitmentEndTime, enabled);
	}

	/**
	 * The end of a commitment term whose renewal is off: suspended with
	 * RENEWAL_WITH_TYPE_CANCEL, and no term left.
	 */
	Entitlement endTerm(Instant now) {
		Entitlement suspended = suspend(RENEWAL_WITH_TYPE_CANCEL, now);
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku, suspended.state(),
				suspended.suspensionReasons(), this.parameters, this.billingAccountId, this.purchaseOrderId,
				this.createTime, now, this.trialEndTime, null, false);
	}

	/** A commitment term that ended renews for another term of the offer's cycle. */
	Entitlement renewTerm(Offer offer, Instant now) {
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku, this.state,
				this.suspensionReasons, this.parameters, this.billingAccountId, this.purchaseOrderId, this.createTime,
				now, this.trialEndTime, termEnd(offer, this.commitmentEndTime), this.renewalEnabled);
	}

	/** A trial that ended is suspended with TRIAL_ENDED (and its end time kept). */
	Entitlement endTrial(Instant now) {
		return suspend(TRIAL_ENDED, now);
	}

	long maxUnits() {
		return parameter(EntitlementRules.MAX_UNITS);
	}

	long assignedUnits() {
		return parameter(EntitlementRules.ASSIGNED_UNITS);
	}

	private long parameter(String name) {
		return this.parameters.stream()
			.filter((p) -> p.name().equals(name))
			.map((p) -> EntitlementRules.integer(p.value()))
			.filter((v) -> v != null)
			.findFirst()
			.orElse(0L);
	}

	private Entitlement withReasons(List<String> reasons, Instant now) {
		return new Entitlement(this.accountId, this.customerId, this.id, this.offerId, this.sku,
				reasons.isEmpty() ? EntitlementState.ACTIVE : EntitlementState.SUSPENDED, reasons, this.parameters,
				this.billingAccountId, this.purchaseOrderId, this.createTime, now, this.trialEndTime,
				this.commitmentEndTime, this.renewalEnabled);
	}

	private void requireNotCancelled() {
		if (this.state == EntitlementState.CANCELLED) {
			throw ApiProblem.conflict("ENTITLEMENT_ALREADY_CANCELLED",
					"Entitlement " + name() + " is already cancelled.");
		}
	}

	static Instant trialEnd(Offer offer, Instant start) {
		return (offer.paymentPlan() == PaymentPlan.TRIAL) ? cycleEnd(offer, start) : null;
	}

	static Instant termEnd(Offer offer, Instant start) {
		return (offer.paymentPlan() == PaymentPlan.COMMITMENT) ? cycleEnd(offer, start) : null;
	}

	private static Instant cycleEnd(Offer offer, Instant start) {
		var at = start.atOffset(ZoneOffset.UTC);
		return switch (offer.periodType()) {
			case DAY -> at.plusDays(offer.cycleDuration()).toInstant();
			case MONTH -> at.plusMonths(offer.cycleDuration()).toInstant();
			case YEAR -> at.plusYears(offer.cycleDuration()).toInstant();
		};
	}

}
