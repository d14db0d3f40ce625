package com.cloudpartner.entitlement.entitlement;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.Product;
import com.cloudpartner.entitlement.common.Events;
import com.cloudpartner.entitlement.common.IdempotencyKeys;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementCancelled;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementCreated;
import com.cloudpartner.entitlement.operation.Operation;
import com.cloudpartner.entitlement.operation.Operations;
import com.cloudpartner.entitlement.partner.PartnerChecks;
import com.cloudpartner.entitlement.partner.PartnerDirectory;
import com.cloudpartner.entitlement.partner.PartnerDirectory.BillingAccount;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates and cancels entitlements. Each change stores the entitlement, its (already
 * done) operation and its event in one transaction; the customer look-up that may call
 * partner-service happens before that transaction opens.
 */
@Service
class EntitlementManagement {

	static final String CREATE = "CREATE_ENTITLEMENT";

	static final String CANCEL = "CANCEL_ENTITLEMENT";

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

	EntitlementManagement(Entitlements entitlements, Operations operations, Catalog catalog, PartnerChecks partners,
			PartnerDirectory directory, IdempotencyKeys idempotencyKeys, Outbox outbox, TransactionTemplate tx,
			JsonMapper json, Clock clock) {
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
	}

	Operation create(EntitlementOrder order, String idempotencyKey, String authorization) {
		this.partners.requireNotSuspended(order.accountId());
		this.partners.requireCustomer(order.accountId(), order.customerId(), authorization);
		return this.tx.execute((status) -> this.idempotencyKeys.once("accounts/" + order.accountId(), idempotencyKey,
				"CreateEntitlement", order, Operation.class, () -> place(order)));
	}

	private Operation place(EntitlementOrder order) {
		Instant now = now();
		Offer offer = this.catalog.findOffer(EntitlementRules.offerId(order.offer()))
			.filter((o) -> Offer.ANY_PARTNER.equals(o.availabilityMode()))
			.orElseThrow(() -> ApiProblem.notFound("OFFER_NOT_FOUND", "There is no offer " + order.offer() + "."));
		Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
		if (!product.purchasable() || offer.effectiveFrom().isAfter(now)) {
			throw ApiProblem.conflict("OFFER_NOT_PURCHASABLE", "Offer " + offer.name() + " cannot be purchased.");
		}
		String billingAccountId = EntitlementRules.billingAccountId(order.accountId(), order.billingAccount());
		BillingAccount billing = this.directory.findBillingAccount(order.accountId(), billingAccountId)
			.orElseThrow(() -> EntitlementRules.billingAccountNotFound(order.billingAccount()));
		if (!billing.currency().equals(offer.currency())) {
			throw ApiProblem.conflict("CURRENCY_MISMATCH", "Offer " + offer.name() + " is priced in " + offer.currency()
					+ " but billing account " + billing.name() + " is invoiced in " + billing.currency() + ".");
		}
		List<Parameter> parameters = EntitlementRules.parameters(product.family(), offer, order.parameters());
		Entitlement entitlement = Entitlement.create(order.accountId(), order.customerId(), offer, parameters,
				billingAccountId, order.purchaseOrderId(), now);
		this.entitlements.insert(entitlement);
		this.outbox.append(Events.ENTITLEMENT_EVENTS, entitlement.name(), CloudEvent.of(Events.SOURCE,
				"entitlement.created", entitlement.name(), now, EntitlementCreated.of(entitlement)));
		return record(entitlement, CREATE, now);
	}

	Operation cancel(String accountId, String customerId, String entitlementId) {
		this.partners.requireNotSuspended(accountId);
		return this.tx.execute((status) -> {
			Instant now = now();
			Entitlement cancelled = this.entitlements.findForUpdate(accountId, customerId, entitlementId)
				.orElseThrow(() -> notFound(accountId, customerId, entitlementId))
				.cancel(now);
			this.entitlements.updateState(cancelled);
			this.outbox.append(Events.ENTITLEMENT_EVENTS, cancelled.name(), CloudEvent.of(Events.SOURCE,
					"entitlement.cancelled", cancelled.name(), now, EntitlementCancelled.of(cancelled)));
			return record(cancelled, CANCEL, now);
		});
	}

	static ApiProblem notFound(String accountId, String customerId, String entitlementId) {
		return ApiProblem.notFound("ENTITLEMENT_NOT_FOUND", "There is no entitlement accounts/" + accountId
				+ "/customers/" + customerId + "/entitlements/" + entitlementId + ".");
	}

	private Operation record(Entitlement entitlement, String type, Instant now) {
		Operation operation = Operation.completed(entitlement.accountId(), type, entitlement.name(),
				this.json.valueToTree(EntitlementView.of(entitlement)), now);
		this.operations.insert(operation);
		return operation;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
