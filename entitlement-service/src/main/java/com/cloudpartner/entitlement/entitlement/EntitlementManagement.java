package com.cloudpartner.entitlement.entitlement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Family;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.PaymentPlan;
import com.cloudpartner.entitlement.catalog.Product;
import com.cloudpartner.entitlement.common.Events;
import com.cloudpartner.entitlement.common.IdempotencyKeys;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementChanged;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementCreated;
import com.cloudpartner.entitlement.operation.Operation;
import com.cloudpartner.entitlement.operation.Operations;
import com.cloudpartner.entitlement.partner.PartnerChecks;
import com.cloudpartner.entitlement.partner.PartnerDirectory;
import com.cloudpartner.entitlement.partner.PartnerDirectory.BillingAccount;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and changes entitlements. Each change stores the entitlement, a history entry,
 * its (already done) operation and its event in one transaction, once per
 * Idempotency-Key; the customer look-up that may call partner-service happens before that
 * transaction opens. {@link #requireActiveIaas} is what the resources feature asks before
 * it creates anything under an entitlement.
 */
@Service
public class EntitlementManagement {

	static final String CREATE = "CREATE_ENTITLEMENT";

	static final String CANCEL = "CANCEL_ENTITLEMENT";

	static final String CHANGE_OFFER = "CHANGE_OFFER";

	static final String CHANGE_PARAMETERS = "CHANGE_PARAMETERS";

	static final String SUSPEND = "SUSPEND_ENTITLEMENT";

	static final String CHANGE_RENEWAL = "CHANGE_RENEWAL_SETTINGS";

	static final String ACTIVATE = "ACTIVATE_ENTITLEMENT";

	static final String SYSTEM = "system";

	private final Entitlements entitlements;

	private final Operations operations;

	private final Catalog catalog;

	private final PartnerChecks partners;

	private final PartnerDirectory directory;

	private final IdempotencyKeys idempotencyKeys;

	private final Outbox outbox;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final Clock clock;

	private final ObjectProvider<ResourceCounter> resourceCounter;

	EntitlementManagement(Entitlements entitlements, Operations operations, Catalog catalog, PartnerChecks partners,
			PartnerDirectory directory, IdempotencyKeys idempotencyKeys, Outbox outbox, TransactionTemplate tx,
			JsonMapper json, Clock clock, ObjectProvider<ResourceCounter> resourceCounter) {
		this.entitlements = entitlements;
		this.operations = operations;
		this.catalog = catalog;
		this.partners = partners;
		this.directory = directory;
		this.idempotencyKeys = idempotencyKeys;
		this.outbox = outbox;
		this.tx = tx;
		this.json = json;
		this.clock = clock;
		this.resourceCounter = resourceCounter;
	}

	/**
	 * The entitlement resources may be created under: it exists, is ACTIVE and its
	 * product is IAAS.
	 * @throws ApiProblem 404 {@code ENTITLEMENT_NOT_FOUND}, 409
	 * {@code ENTITLEMENT_NOT_ACTIVE} or 409 {@code ENTITLEMENT_NOT_IAAS}
	 */
	public IaasEntitlement requireActiveIaas(String accountId, String customerId, String entitlementId) {
		Entitlement e = this.entitlements.find(accountId, customerId, entitlementId)
			.orElseThrow(() -> notFound(accountId, customerId, entitlementId));
		if (e.state() != EntitlementState.ACTIVE) {
			throw ApiProblem.conflict("ENTITLEMENT_NOT_ACTIVE",
					"Entitlement " + e.name() + " is " + e.state() + " " + e.suspensionReasons() + ".");
		}
		Family family = this.catalog.findOffer(e.offerId())
			.flatMap((o) -> this.catalog.findProduct(o.productId()))
			.map(Product::family)
			.orElse(null);
		if (family != Family.IAAS) {
			throw ApiProblem.conflict("ENTITLEMENT_NOT_IAAS",
					"Entitlement " + e.name() + " is not an IaaS entitlement; resources need one.");
		}
		return new IaasEntitlement(e.name(), e.accountId(), e.customerId(), e.id(), e.offerName(), e.sku(),
				e.billingAccountName());
	}

	Operation create(EntitlementOrder order, String idempotencyKey, String authorization) {
		this.partners.requireNotSuspended(order.accountId());
		this.partners.requireCustomer(order.accountId(), order.customerId(), authorization);
		return this.tx.execute((status) -> this.idempotencyKeys.once("accounts/" + order.accountId(), idempotencyKey,
				"CreateEntitlement", order, Operation.class, () -> place(order)));
	}

	private Operation place(EntitlementOrder order) {
		Instant now = now();
		Offer offer = purchasableOffer(order.accountId(), order.offer(), now);
		Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
		String billingAccountId = billingAccountFor(order.accountId(), order.billingAccount(), offer);
		List<Parameter> parameters = EntitlementRules.parameters(product.family(), offer, order.parameters());
		Entitlement entitlement = Entitlement.create(order.accountId(), order.customerId(), offer, parameters,
				billingAccountId, order.purchaseOrderId(), now);
		return insert(entitlement, "accounts/" + order.accountId(), CREATE);
	}

	/** Stores a new entitlement with its history, event and operation. */
	Operation insert(Entitlement entitlement, String actor, String operationType) {
		this.entitlements.insert(entitlement);
		this.entitlements.recordChange(entitlement, "CREATE", actor, null);
		this.outbox.append(Events.ENTITLEMENT_EVENTS, entitlement.name(),
				CloudEvent.of(Events.SOURCE, EntitlementEvents.CREATED, entitlement.name(), entitlement.updateTime(),
						EntitlementCreated.of(entitlement)));
		return record(entitlement, operationType, entitlement.updateTime());
	}

	/** An offer the partner may buy now: available to it, on sale and effective. */
	Offer purchasableOffer(String accountId, String offerName, Instant now) {
		String offerId = EntitlementRules.offerId(offerName);
		this.catalog.lockForPurchase(offerId);
		Offer offer = this.catalog.findOffer(offerId)
			.filter((o) -> this.catalog.availableTo(o, accountId))
			.orElseThrow(() -> ApiProblem.notFound("OFFER_NOT_FOUND", "There is no offer " + offerName + "."));
		Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
		if (!product.purchasable() || offer.effectiveFrom().isAfter(now)) {
			throw ApiProblem.conflict("OFFER_NOT_PURCHASABLE", "Offer " + offer.name() + " cannot be purchased.");
		}
		return offer;
	}

	/**
	 * The billing account's id, which must be the partner's and in the offer's currency.
	 */
	String billingAccountFor(String accountId, String billingAccountName, Offer offer) {
		String billingAccountId = EntitlementRules.billingAccountId(accountId, billingAccountName);
		BillingAccount billing = this.directory.findBillingAccount(accountId, billingAccountId)
			.orElseThrow(() -> EntitlementRules.billingAccountNotFound(billingAccountName));
		if (!billing.currency().equals(offer.currency())) {
			throw ApiProblem.conflict("CURRENCY_MISMATCH", "Offer " + offer.name() + " is priced in " + offer.currency()
					+ " but billing account " + billing.name() + " is invoiced in " + billing.currency() + ".");
		}
		return billingAccountId;
	}

	Operation changeOffer(Target target, ChangeOffer change, String idempotencyKey) {
		return mutate(target, CHANGE_OFFER, change, idempotencyKey, (current, now) -> {
			Offer offer = purchasableOffer(target.accountId(), change.offer(), now);
			Offer old = this.catalog.findOffer(current.offerId()).orElseThrow();
			if (offer.id().equals(old.id())) {
				throw ApiProblem.conflict("SAME_OFFER", "Entitlement " + current.name() + " is already on "
						+ offer.name() + "; use change-parameters to change its parameters.");
			}
			if (!offer.productId().equals(old.productId())
					|| (offer.paymentPlan() == PaymentPlan.TRIAL && old.paymentPlan() != PaymentPlan.TRIAL)) {
				throw ApiProblem.conflict("CHANGE_NOT_ALLOWED",
						"Entitlement " + current.name() + " cannot move to " + offer.name()
								+ ": only offers of products/" + old.productId() + " other than a trial may replace "
								+ old.name() + ".");
			}
			String billingAccountId = (change.billingAccount() != null)
					? billingAccountFor(target.accountId(), change.billingAccount(), offer)
					: billingAccountFor(target.accountId(), current.billingAccountName(), offer);
			Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
			List<Parameter> parameters = EntitlementRules.parameters(product.family(), offer,
					(change.parameters() != null) ? change.parameters() : current.parameters());
			return new Applied(current.changeOffer(offer, parameters, billingAccountId, now), EntitlementEvents.CHANGED,
					null);
		});
	}

	Operation changeParameters(Target target, List<Parameter> requested, String idempotencyKey) {
		return mutate(target, CHANGE_PARAMETERS, requested, idempotencyKey, (current, now) -> {
			Offer offer = this.catalog.findOffer(current.offerId()).orElseThrow();
			Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
			List<Parameter> merged = new ArrayList<>(requested);
			boolean assignedGiven = requested.stream()
				.anyMatch((p) -> p != null && EntitlementRules.ASSIGNED_UNITS.equals(p.name()));
			if (!assignedGiven && current.assignedUnits() > 0) {
				Long max = requested.stream()
					.filter((p) -> p != null && EntitlementRules.MAX_UNITS.equals(p.name()))
					.map((p) -> EntitlementRules.integer(p.value()))
					.findFirst()
					.orElse(null);
				if (max != null && max >= 1 && max < current.assignedUnits()) {
					throw ApiProblem.conflict("MAX_UNITS_BELOW_ASSIGNED", "maxUnits " + max + " is below the "
							+ current.assignedUnits() + " units already assigned of " + current.name() + ".");
				}
				merged.add(new Parameter(EntitlementRules.ASSIGNED_UNITS, current.assignedUnits()));
			}
			List<Parameter> parameters = EntitlementRules.parameters(product.family(), offer, merged);
			return new Applied(current.withParameters(parameters, now), EntitlementEvents.CHANGED, null);
		});
	}

	Operation changeRenewal(Target target, boolean enableRenewal, String idempotencyKey) {
		return mutate(target, CHANGE_RENEWAL, enableRenewal, idempotencyKey, (current,
				now) -> new Applied(current.withRenewal(enableRenewal, now), EntitlementEvents.CHANGED, null));
	}

	Operation suspend(Target target, String reason, String idempotencyKey) {
		return mutate(target, SUSPEND, reason, idempotencyKey,
				(current, now) -> new Applied(current.suspend(reason, now), EntitlementEvents.SUSPENDED, reason));
	}

	Operation activate(Target target, String reason, String idempotencyKey) {
		return mutate(target, ACTIVATE, reason, idempotencyKey,
				(current, now) -> new Applied(current.lift(reason, now), EntitlementEvents.ACTIVATED, reason));
	}

	Operation cancel(Target target, String idempotencyKey) {
		return mutate(target, CANCEL, "cancel", idempotencyKey, (current, now) -> {
			requireNoResources(current);
			return new Applied(current.cancel(now), EntitlementEvents.CANCELLED, Entitlement.RESELLER_INITIATED);
		});
	}

	void requireNoResources(Entitlement current) {
		ResourceCounter counter = this.resourceCounter.getIfUnique();
		long resources = (counter != null) ? counter.activeResources(current.accountId(), current.id()) : 0;
		if (resources > 0) {
			throw ApiProblem.conflict("RESOURCES_STILL_ACTIVE", "Entitlement " + current.name() + " still has "
					+ resources + " resource(s); delete them before cancelling.");
		}
	}

	private Operation mutate(Target target, String operationType, Object request, String idempotencyKey,
			Mutation mutation) {
		this.partners.requireNotSuspended(target.accountId());
		return this.tx.execute((status) -> this.idempotencyKeys.once("accounts/" + target.accountId(), idempotencyKey,
				operationType, List.of(target, (request != null) ? request : ""), Operation.class, () -> {
					Instant now = now();
					Entitlement current = this.entitlements
						.findForUpdate(target.accountId(), target.customerId(), target.entitlementId())
						.orElseThrow(() -> notFound(target.accountId(), target.customerId(), target.entitlementId()));
					Applied applied = mutation.apply(current, now);
					store(applied.entitlement(), operationType.replace("_ENTITLEMENT", ""), applied.eventType(),
							applied.reason(), target.actor());
					return record(applied.entitlement(), operationType, now);
				}));
	}

	/**
	 * Stores a change made by the platform itself (trial end, renewal, overdue invoice)
	 * inside the caller's transaction; a change that changes nothing is not recorded.
	 */
	void applySystemChange(Entitlement before, Entitlement after, String changeType, String eventType, String reason) {
		if (!after.equals(before)) {
			store(after, changeType, eventType, reason, SYSTEM);
		}
	}

	void store(Entitlement e, String changeType, String eventType, String reason, String actor) {
		this.entitlements.update(e);
		this.entitlements.recordChange(e, changeType, actor, reason);
		this.outbox.append(Events.ENTITLEMENT_EVENTS, e.name(), CloudEvent.of(Events.SOURCE, eventType, e.name(),
				e.updateTime(), EntitlementChanged.of(e, changeType, reason)));
	}

	static ApiProblem notFound(String accountId, String customerId, String entitlementId) {
		return ApiProblem.notFound("ENTITLEMENT_NOT_FOUND", "There is no entitlement accounts/" + accountId
				+ "/customers/" + customerId + "/entitlements/" + entitlementId + ".");
	}

	Operation record(Entitlement entitlement, String type, Instant now) {
		Operation operation = Operation.completed(entitlement.accountId(), type, entitlement.name(),
				this.json.valueToTree(EntitlementView.of(entitlement)), now);
		this.operations.insert(operation);
		return operation;
	}

	Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * The entitlement a change is about, and who asks.
	 *
	 * @param accountId the partner
	 * @param customerId the customer
	 * @param entitlementId the entitlement
	 * @param actor {@code accounts/{a}} or {@code operators/{sub}}, for the history
	 */
	record Target(String accountId, String customerId, String entitlementId, String actor) {

	}

	/**
	 * A change-offer request.
	 *
	 * @param offer the new offer's name
	 * @param parameters new parameters, the current ones when null
	 * @param billingAccount another billing account, the current one when null
	 */
	record ChangeOffer(String offer, List<Parameter> parameters, String billingAccount) {

	}

	private record Applied(Entitlement entitlement, String eventType, String reason) {

	}

	@FunctionalInterface
	private interface Mutation {

		Applied apply(Entitlement current, Instant now);

	}

}
