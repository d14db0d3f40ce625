package com.cloudpartner.entitlement.entitlement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cloudpartner.entitlement.catalog.Catalog;
import com.cloudpartner.entitlement.catalog.Catalog.ProductSku;
import com.cloudpartner.entitlement.catalog.Family;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.PaymentPlan;
import com.cloudpartner.entitlement.catalog.Price;
import com.cloudpartner.entitlement.partner.PartnerDirectory;
import com.cloudpartner.entitlement.partner.PartnerDirectory.BillingAccount;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Component;

/**
 * What a partner may buy for a customer (Cloud Channel's purchase flow): SKUs with an
 * offer available to the partner, the billing accounts each group of SKUs may be charged
 * to, and the offers for a SKU and billing account. UPGRADE and DOWNGRADE are SKUs of the
 * entitlement's product that cost more or less, by their cheapest available offer.
 */
@Component
class PurchaseOptions {

	private final Catalog catalog;

	private final Entitlements entitlements;

	private final PartnerDirectory directory;

	private final EntitlementManagement management;

	PurchaseOptions(Catalog catalog, Entitlements entitlements, PartnerDirectory directory,
			EntitlementManagement management) {
		this.catalog = catalog;
		this.entitlements = entitlements;
		this.directory = directory;
		this.management = management;
	}

	List<ProductSku> purchasableSkus(String accountId, String customerId, String changeType, String entitlementId) {
		Instant now = this.management.now();
		List<ProductSku> skus = this.catalog.allSkus().stream().filter((s) -> s.product().purchasable()).toList();
		Map<String, List<Offer>> offers = offersBySku(accountId, skus.stream().map((s) -> s.sku().name()).toList(),
				now);
		List<ProductSku> available = skus.stream().filter((s) -> offers.containsKey(s.sku().name())).toList();
		if (changeType == null || changeType.isBlank()) {
			return available;
		}
		if (!changeType.equals("UPGRADE") && !changeType.equals("DOWNGRADE")) {
			throw ApiProblem.invalidField("changeType", "must be UPGRADE or DOWNGRADE");
		}
		if (entitlementId == null || entitlementId.isBlank()) {
			throw ApiProblem.invalidField("entitlement", "is required with changeType");
		}
		Entitlement current = entitlement(accountId, customerId, entitlementId);
		String productId = current.sku().split("/")[1];
		BigDecimal currentRank = rank(offers.get(current.sku()));
		return available.stream()
			.filter((s) -> s.product().id().equals(productId) && !s.sku().name().equals(current.sku()))
			.filter((s) -> {
				int compared = rank(offers.get(s.sku().name())).compareTo(currentRank);
				return changeType.equals("UPGRADE") ? compared > 0 : compared < 0;
			})
			.toList();
	}

	/**
	 * SKUs that must share one billing account form a group: every IAAS SKU (the IaaS
	 * entitlement and its resources are invoiced together) and each LICENSE product's
	 * SKUs. A billing account is eligible for a group when every SKU of it has an offer
	 * in the billing account's currency.
	 */
	List<SkuPurchaseGroup> eligibleBillingAccounts(String accountId, List<String> skuNames) {
		if (skuNames == null || skuNames.isEmpty()) {
			throw ApiProblem.invalidField("skus", "must name at least one SKU");
		}
		Map<String, ProductSku> known = new LinkedHashMap<>();
		this.catalog.allSkus().forEach((s) -> known.put(s.sku().name(), s));
		Map<String, List<Offer>> offers = offersBySku(accountId, skuNames, this.management.now());
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (int i = 0; i < skuNames.size(); i++) {
			ProductSku sku = known.get(skuNames.get(i));
			if (sku == null || !offers.containsKey(sku.sku().name())) {
				throw ApiProblem.invalidField("skus[" + i + "]", "is not a SKU this partner may buy");
			}
			String group = (sku.product().family() == Family.IAAS) ? "IAAS" : sku.product().id();
			List<String> members = groups.computeIfAbsent(group, (g) -> new ArrayList<>());
			if (!members.contains(sku.sku().name())) {
				members.add(sku.sku().name());
			}
		}
		List<BillingAccount> accounts = this.directory.billingAccounts(accountId);
		List<SkuPurchaseGroup> result = new ArrayList<>();
		for (List<String> members : groups.values()) {
			List<String> eligible = accounts.stream()
				.filter((b) -> members.stream()
					.allMatch((sku) -> offers.get(sku).stream().anyMatch((o) -> o.currency().equals(b.currency()))))
				.map(BillingAccount::name)
				.toList();
			result.add(new SkuPurchaseGroup(members, eligible));
		}
		return result;
	}

	/** Offers for a new purchase of a SKU, or for changing an entitlement. */
	List<Offer> purchasableOffers(String accountId, String customerId, String sku, String billingAccount,
			String entitlementId) {
		Instant now = this.management.now();
		Entitlement current = (entitlementId != null && !entitlementId.isBlank())
				? entitlement(accountId, customerId, entitlementId) : null;
		if ((sku == null || sku.isBlank()) && current == null) {
			throw ApiProblem.invalidField("sku", "is required unless entitlement is given");
		}
		String skuName = (sku != null && !sku.isBlank()) ? sku : current.sku();
		Optional<String> currency = Optional.empty();
		if (billingAccount != null && !billingAccount.isBlank()) {
			String id = EntitlementRules.billingAccountId(accountId, billingAccount);
			currency = Optional.of(this.directory.findBillingAccount(accountId, id)
				.orElseThrow(() -> EntitlementRules.billingAccountNotFound(billingAccount))
				.currency());
		}
		Optional<String> wanted = currency;
		Offer currentOffer = (current != null) ? this.catalog.findOffer(current.offerId()).orElse(null) : null;
		return offersBySku(accountId, List.of(skuName), now).getOrDefault(skuName, List.of())
			.stream()
			.filter((o) -> wanted.isEmpty() || o.currency().equals(wanted.get()))
			.filter((o) -> currentOffer == null || (!o.id().equals(currentOffer.id())
					&& (o.paymentPlan() != PaymentPlan.TRIAL || currentOffer.paymentPlan() == PaymentPlan.TRIAL)))
			.toList();
	}

	/** The available, effective offers of purchasable products per SKU name. */
	Map<String, List<Offer>> offersBySku(String accountId, List<String> skuNames, Instant now) {
		Set<String> purchasable = new LinkedHashSet<>();
		this.catalog.allSkus()
			.stream()
			.filter((s) -> s.product().purchasable())
			.forEach((s) -> purchasable.add(s.sku().name()));
		Map<String, List<Offer>> result = new LinkedHashMap<>();
		for (Offer offer : this.catalog.offersOfSkus(accountId, skuNames)) {
			if (purchasable.contains(offer.skuName()) && !offer.effectiveFrom().isAfter(now)) {
				result.computeIfAbsent(offer.skuName(), (k) -> new ArrayList<>()).add(offer);
			}
		}
		return result;
	}

	private Entitlement entitlement(String accountId, String customerId, String entitlementId) {
		String id = entitlementId.substring(entitlementId.lastIndexOf('/') + 1);
		return this.entitlements.find(accountId, customerId, id)
			.orElseThrow(() -> EntitlementManagement.notFound(accountId, customerId, id));
	}

	/**
	 * A SKU's price level: its cheapest offer's monthly price, else its first list price.
	 */
	private static BigDecimal rank(List<Offer> offers) {
		return ((offers != null) ? offers : List.<Offer>of()).stream()
			.filter((o) -> o.paymentPlan() != PaymentPlan.TRIAL)
			.map(PurchaseOptions::level)
			.min(Comparator.naturalOrder())
			.orElse(BigDecimal.ZERO);
	}

	private static BigDecimal level(Offer offer) {
		if (offer.monthlyPrice() != null) {
			return offer.monthlyPrice();
		}
		return offer.prices().stream().map(Price::listPrice).findFirst().orElse(BigDecimal.ZERO);
	}

	/**
	 * SKUs that must be bought on one billing account, and the accounts they may use.
	 *
	 * @param skus SKU names
	 * @param billingAccounts eligible billing account names
	 */
	record SkuPurchaseGroup(List<String> skus, List<String> billingAccounts) {

	}

}
