package com.cloudpartner.entitlement.entitlement;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.Product;
import com.cloudpartner.entitlement.common.Events;
import com.cloudpartner.entitlement.common.IdempotencyKeys;
import com.cloudpartner.entitlement.entitlement.EntitlementEvents.EntitlementTransferred;
import com.cloudpartner.entitlement.operation.Operation;
import com.cloudpartner.entitlement.operation.Operations;
import com.cloudpartner.entitlement.partner.PartnerChecks;
import com.cloudpartner.entitlement.partner.PartnerDirectory;
import com.cloudpartner.entitlement.partner.PartnerServiceClient;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transfers of a customer between partners (DOMAIN.md section 3): the customer (or its
 * partner) issues a token naming the new partner's public id, valid 14 days; the new
 * partner imports the customer with it, then transfers the entitlements it chooses: each
 * old one is cancelled (reason TRANSFERRED), a new one created under the new partner, its
 * resources moved, and {@code entitlement.transferred} published, all at one instant. The
 * token is then spent.
 */
@Service
class TransferManagement {

	static final Duration TOKEN_LIFETIME = Duration.ofDays(14);

	static final String TRANSFERRED = "TRANSFERRED";

	private final SecureRandom random = new SecureRandom();

	private final Transfers transfers;

	private final Entitlements entitlements;

	private final EntitlementManagement management;

	private final PartnerChecks partners;

	private final PartnerDirectory directory;

	private final Catalog catalog;

	private final Operations operations;

	private final IdempotencyKeys idempotencyKeys;

	private final Outbox outbox;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final ObjectProvider<ResourceTransfer> resourceTransfer;

	TransferManagement(Transfers transfers, Entitlements entitlements, EntitlementManagement management,
			PartnerChecks partners, PartnerDirectory directory, Catalog catalog, Operations operations,
			IdempotencyKeys idempotencyKeys, Outbox outbox, TransactionTemplate tx, JsonMapper json,
			ObjectProvider<ResourceTransfer> resourceTransfer) {
		this.transfers = transfers;
		this.entitlements = entitlements;
		this.management = management;
		this.partners = partners;
		this.directory = directory;
		this.catalog = catalog;
		this.operations = operations;
		this.idempotencyKeys = idempotencyKeys;
		this.outbox = outbox;
		this.tx = tx;
		this.json = json;
		this.resourceTransfer = resourceTransfer;
	}

	TokenIssued issueToken(String accountId, String customerId, String targetPublicId, String idempotencyKey,
			String authorization) {
		this.partners.requireNotSuspended(accountId);
		this.partners.requireCustomer(accountId, customerId, authorization);
		String target = this.directory.accountByPublicId(targetPublicId)
			.orElseThrow(() -> ApiProblem.notFound("PARTNER_NOT_FOUND",
					"There is no partner with public id " + targetPublicId + "."));
		if (target.equals(accountId)) {
			throw ApiProblem.conflict("SAME_PARTNER",
					"The customer already belongs to partner " + targetPublicId + ".");
		}
		return this.tx.execute((status) -> this.idempotencyKeys.once("accounts/" + accountId, idempotencyKey,
				"CreateTransferToken", List.of(customerId, targetPublicId), TokenIssued.class, () -> {
					Instant now = this.management.now();
					byte[] bytes = new byte[32];
					this.random.nextBytes(bytes);
					var token = new Transfers.Token(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
							accountId, customerId, targetPublicId, now.plus(TOKEN_LIFETIME), null, now);
					this.transfers.insertToken(token);
					return new TokenIssued(token.token(), token.expireTime(), targetPublicId);
				}));
	}

	/**
	 * Imports the customer under the new partner; importing twice with one token is
	 * idempotent.
	 */
	Imported importCustomer(String accountId, String transferToken, String userId, String authorization) {
		this.partners.requireNotSuspended(accountId);
		var existing = this.transfers.importByToken(transferToken);
		if (existing.isPresent()) {
			if (!existing.get().accountId().equals(accountId)) {
				throw tokenNotFound();
			}
			return imported(existing.get());
		}
		Transfers.Token token = this.tx.execute((status) -> usableToken(accountId, transferToken));
		String[] old = this.directory.customer(token.accountId(), token.customerId())
			.orElse(new String[] { null, null });
		var customer = this.partners.createCustomer(accountId,
				new PartnerServiceClient.NewCustomer(userId, (old[1] != null) ? old[1] : userId,
						"transfer:accounts/" + token.accountId() + "/customers/" + token.customerId()),
				"transfer-" + IdempotencyKeysHash.of(transferToken), authorization);
		var link = new Transfers.Import(accountId, customer.id(), token.accountId(), token.customerId(), transferToken,
				this.management.now());
		this.tx.executeWithoutResult((status) -> {
			if (this.transfers.importByToken(transferToken).isEmpty()) {
				this.transfers.insertImport(link);
			}
		});
		return imported(this.transfers.importByToken(transferToken).orElse(link));
	}

	List<TransferableSku> transferableSkus(String accountId, String customerId) {
		Transfers.Import link = link(accountId, customerId);
		List<Entitlement> live = this.entitlements.liveOfCustomer(link.fromAccountId(), link.fromCustomerId());
		List<String> skus = live.stream().map(Entitlement::sku).distinct().toList();
		Map<String, List<Offer>> available = this.catalog.offersOfSkus(accountId, skus)
			.stream()
			.collect(Collectors.groupingBy(Offer::skuName));
		return skus.stream()
			.map((sku) -> available.containsKey(sku) ? new TransferableSku(sku, new Eligibility(true, null, null))
					: new TransferableSku(sku,
							new Eligibility(false, "SKU_NOT_ELIGIBLE",
									"No offer of " + sku + " is available to this partner.")))
			.toList();
	}

	Operation transferEntitlements(String accountId, String customerId, String transferToken,
			List<EntitlementOrder> orders, String idempotencyKey) {
		this.partners.requireNotSuspended(accountId);
		Transfers.Import link = link(accountId, customerId);
		if (!link.transferToken().equals(transferToken)) {
			throw tokenNotFound();
		}
		return this.tx.execute((status) -> this.idempotencyKeys.once("accounts/" + accountId, idempotencyKey,
				"TransferEntitlements", List.of(customerId, transferToken, orders), Operation.class, () -> {
					Transfers.Token token = usableToken(accountId, transferToken);
					Instant now = this.management.now();
					List<Entitlement> remaining = new ArrayList<>(
							this.entitlements.liveOfCustomer(token.accountId(), token.customerId()));
					List<EntitlementView> created = new ArrayList<>();
					for (int i = 0; i < orders.size(); i++) {
						created.add(EntitlementView.of(transfer(link, orders.get(i), i, remaining, now)));
					}
					this.transfers.markUsed(transferToken, now);
					Operation operation = Operation.completed(accountId, "TRANSFER_ENTITLEMENTS",
							"accounts/" + accountId + "/customers/" + customerId,
							this.json.valueToTree(Map.of("entitlements", created)), now);
					this.operations.insert(operation);
					return operation;
				}));
	}

	private Entitlement transfer(Transfers.Import link, EntitlementOrder order, int index, List<Entitlement> remaining,
			Instant now) {
		Offer offer = this.management.purchasableOffer(link.accountId(), order.offer(), now);
		Entitlement from = remaining.stream()
			.filter((e) -> e.sku().equals(offer.skuName()))
			.findFirst()
			.orElseThrow(() -> ApiProblem.invalidField("entitlements[" + index + "].offer",
					"is not an offer of a SKU the customer holds at its current partner"));
		remaining.remove(from);
		String billingAccountId = this.management.billingAccountFor(link.accountId(), order.billingAccount(), offer);
		Product product = this.catalog.findProduct(offer.productId()).orElseThrow();
		List<Parameter> parameters = EntitlementRules.parameters(product.family(), offer,
				(order.parameters() != null && !order.parameters().isEmpty()) ? order.parameters() : from.parameters());
		Entitlement cancelled = this.entitlements.findForUpdate(from.accountId(), from.customerId(), from.id())
			.orElseThrow()
			.cancel(now);
		this.management.store(cancelled, "CANCEL", EntitlementEvents.CANCELLED, TRANSFERRED,
				"accounts/" + link.accountId());
		Entitlement to = Entitlement.create(link.accountId(), link.customerId(), offer, parameters, billingAccountId,
				null, now);
		this.management.insert(to, "accounts/" + link.accountId(), "TRANSFER_ENTITLEMENT");
		ResourceTransfer mover = this.resourceTransfer.getIfUnique();
		if (mover != null) {
			mover.moveResources(from.accountId(), from.id(), to.accountId(), to.customerId(), to.id(), now);
		}
		this.outbox.append(Events.ENTITLEMENT_EVENTS, to.name(), CloudEvent.of(Events.SOURCE,
				EntitlementEvents.TRANSFERRED, to.name(), now, EntitlementTransferred.of(cancelled, to, now)));
		return to;
	}

	private Transfers.Token usableToken(String accountId, String transferToken) {
		Transfers.Token token = this.transfers.findTokenForUpdate(transferToken).orElseThrow(this::tokenNotFound);
		String publicId = this.directory.publicId(accountId).orElse(null);
		if (!token.targetPublicId().equals(publicId)) {
			throw tokenNotFound();
		}
		if (token.usedTime() != null) {
			throw ApiProblem.conflict("TRANSFER_TOKEN_USED", "The transfer token has already been used.");
		}
		if (!this.management.now().isBefore(token.expireTime())) {
			throw ApiProblem.conflict("TRANSFER_TOKEN_EXPIRED",
					"The transfer token expired at " + token.expireTime() + ".");
		}
		return token;
	}

	private Transfers.Import link(String accountId, String customerId) {
		return this.transfers.importOf(accountId, customerId)
			.orElseThrow(() -> ApiProblem.notFound("CUSTOMER_NOT_IMPORTED", "Customer accounts/" + accountId
					+ "/customers/" + customerId + " was not imported with a transfer token."));
	}

	private ApiProblem tokenNotFound() {
		return ApiProblem.notFound("TRANSFER_TOKEN_NOT_FOUND", "There is no transfer token for this partner.");
	}

	private Imported imported(Transfers.Import link) {
		String[] customer = this.directory.customer(link.accountId(), link.customerId())
			.orElse(new String[] { null, null });
		return new Imported("accounts/" + link.accountId() + "/customers/" + link.customerId(), link.customerId(),
				customer[0], customer[1], "accounts/" + link.fromAccountId() + "/customers/" + link.fromCustomerId());
	}

	/**
	 * A transfer token as issued.
	 *
	 * @param token the secret the customer hands to the new partner
	 * @param expireTime 14 days after issue
	 * @param targetPartnerPublicId the new partner
	 */
	record TokenIssued(String token, Instant expireTime, String targetPartnerPublicId) {

	}

	/**
	 * The imported customer.
	 *
	 * @param name {@code accounts/{b}/customers/{c}}
	 * @param id the customer's id under the new partner
	 * @param userId the new partner's user id
	 * @param displayName shown name
	 * @param transferredFrom the customer at the old partner
	 */
	record Imported(String name, String id, String userId, String displayName, String transferredFrom) {

	}

	record TransferableSku(String sku, Eligibility transferEligibility) {

	}

	record Eligibility(boolean isEligible, String ineligibilityReason, String description) {

	}

	/** A stable, non-reversible key derived from a transfer token. */
	static final class IdempotencyKeysHash {

		private IdempotencyKeysHash() {
		}

		static String of(String token) {
			try {
				byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
					.digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
				return java.util.HexFormat.of().formatHex(digest, 0, 16);
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
