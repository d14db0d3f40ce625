package com.cloudpartner.entitlement.entitlement;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Offer;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends what ends by itself, by the injected clock: a TRIAL entitlement not converted to a
 * paid offer by its end is suspended with TRIAL_ENDED; a COMMITMENT term that ended
 * renews for another term of the offer's cycle. Each entitlement changes in its own
 * transaction under its row lock, so two instances sweeping at once change it once.
 */
@Component
public class EntitlementTerms {

	private static final Logger log = LoggerFactory.getLogger(EntitlementTerms.class);

	private static final int BATCH = 200;

	private final Entitlements entitlements;

	private final EntitlementManagement management;

	private final Catalog catalog;

	private final TransactionTemplate tx;

	EntitlementTerms(Entitlements entitlements, EntitlementManagement management, Catalog catalog,
			TransactionTemplate tx) {
		this.entitlements = entitlements;
		this.management = management;
		this.catalog = catalog;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${platform.entitlements.sweep-interval:PT1M}",
			initialDelayString = "${platform.entitlements.sweep-interval:PT1M}")
	void scheduled() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			log.warn("Entitlement term sweep failed; next run retries: {}", ex.toString());
		}
	}

	/**
	 * Applies every trial end and term end that is due now.
	 * @return how many entitlements changed
	 */
	public int sweep() {
		Instant now = this.management.now();
		int changed = 0;
		for (Entitlements.Key key : this.entitlements.dueForTrialEnd(now, BATCH)) {
			changed += change(key, now, true);
		}
		for (Entitlements.Key key : this.entitlements.dueForRenewal(now, BATCH)) {
			changed += change(key, now, false);
		}
		return changed;
	}

	private int change(Entitlements.Key key, Instant now, boolean trial) {
		Integer done = this.tx.execute((status) -> {
			Entitlement current = this.entitlements.findForUpdate(key.accountId(), key.customerId(), key.id())
				.orElse(null);
			if (current == null || current.state() == EntitlementState.CANCELLED) {
				return 0;
			}
			if (trial) {
				if (current.trialEndTime() == null || current.trialEndTime().isAfter(now)) {
					return 0;
				}
				this.management.applySystemChange(current, current.endTrial(now), "TRIAL_END",
						EntitlementEvents.SUSPENDED, Entitlement.TRIAL_ENDED);
				return 1;
			}
			if (current.commitmentEndTime() == null || current.commitmentEndTime().isAfter(now)) {
				return 0;
			}
			if (!current.renewalEnabled()) {
				this.management.applySystemChange(current, current.endTerm(now), "END_COMMITMENT",
						EntitlementEvents.SUSPENDED, Entitlement.RENEWAL_WITH_TYPE_CANCEL);
				return 1;
			}
			Offer offer = this.catalog.findOffer(current.offerId()).orElseThrow();
			Entitlement renewed = current;
			while (renewed.commitmentEndTime() != null && !renewed.commitmentEndTime().isAfter(now)) {
				renewed = renewed.renewTerm(offer, now);
			}
			this.management.applySystemChange(current, renewed, "RENEW_COMMITMENT", EntitlementEvents.CHANGED, null);
			return 1;
		});
		return (done != null) ? done : 0;
	}

	/**
	 * Account-wide suspension for an overdue invoice, applied by
	 * {@link BillingEventsListener}: ACTIVE entitlements are suspended, suspended ones
	 * get the reason too (so that lifting another reason does not reactivate them while
	 * the invoice is unpaid).
	 * @return how many entitlements got the reason
	 */
	int suspendAccount(String accountId, String reason) {
		Instant now = this.management.now();
		int changed = 0;
		for (EntitlementState state : List.of(EntitlementState.ACTIVE, EntitlementState.SUSPENDED)) {
			for (Entitlements.Key key : this.entitlements.keysOfAccount(accountId, state)) {
				Entitlement e = this.entitlements.findForUpdate(key.accountId(), key.customerId(), key.id())
					.filter((found) -> found.state() != EntitlementState.CANCELLED
							&& !found.suspensionReasons().contains(reason))
					.orElse(null);
				if (e != null) {
					this.management.applySystemChange(e, e.suspend(reason, now), "SUSPEND", EntitlementEvents.SUSPENDED,
							reason);
					changed++;
				}
			}
		}
		return changed;
	}

	/**
	 * Lifts an account-wide suspension reason (PAYMENT_OVERDUE once no invoice is
	 * overdue), applied by {@link BillingEventsListener}: an entitlement left without a
	 * reason is ACTIVE again (entitlement.activated), one still suspended for another
	 * reason only loses this one (entitlement.changed). Either way its history records
	 * it.
	 * @return how many entitlements lost the reason
	 */
	int liftAccountSuspension(String accountId, String reason) {
		Instant now = this.management.now();
		int changed = 0;
		for (Entitlements.Key key : this.entitlements.keysOfAccount(accountId, EntitlementState.SUSPENDED)) {
			Entitlement e = this.entitlements.findForUpdate(key.accountId(), key.customerId(), key.id())
				.filter((found) -> found.state() == EntitlementState.SUSPENDED
						&& found.suspensionReasons().contains(reason))
				.orElse(null);
			if (e != null) {
				Entitlement lifted = e.lift(reason, now);
				boolean active = lifted.state() == EntitlementState.ACTIVE;
				this.management.applySystemChange(e, lifted, active ? "ACTIVATE" : "LIFT_SUSPENSION_REASON",
						active ? EntitlementEvents.ACTIVATED : EntitlementEvents.CHANGED, reason);
				changed++;
			}
		}
		return changed;
	}

}
