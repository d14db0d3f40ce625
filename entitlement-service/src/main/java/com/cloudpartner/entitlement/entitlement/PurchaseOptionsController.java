package com.cloudpartner.entitlement.entitlement;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.catalog.Catalog.ProductSku;
import com.cloudpartner.entitlement.catalog.Family;
import com.cloudpartner.entitlement.catalog.Meter;
import com.cloudpartner.entitlement.catalog.Offer;
import com.cloudpartner.entitlement.catalog.OfferView;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.entitlement.common.ProblemResponses;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@ProblemResponses
@RestController
@RequestMapping("/v1/accounts/{accountId}/customers/{customerId}")
@Tag(name = "Entitlements")
class PurchaseOptionsController {

	private final PurchaseOptions options;

	private final ObjectProvider<ResourceSkus> resourceSkus;

	PurchaseOptionsController(PurchaseOptions options, ObjectProvider<ResourceSkus> resourceSkus) {
		this.options = options;
		this.resourceSkus = resourceSkus;
	}

	@GetMapping("/purchasable-skus")
	@Operation(summary = "SKUs the partner may buy for the customer, or UPGRADE/DOWNGRADE an entitlement to",
			description = "The customer's console token may read its own customer's list for a new purchase (no "
					+ "changeType); it gets the same answer the partner gets. kind narrows the list to the SKUs that "
					+ "resources of that kind are created with, for example the server types the cloud runs.")
	@ApiResponse(responseCode = "200", description = "A page of SKUs, by name",
			content = @Content(schema = @Schema(implementation = PurchasableSkus.class),
					examples = @ExampleObject(value = """
							{"purchasableSkus": [{"sku": {"name": "products/server-basic/skus/basic-2vcpu-4gb",
							  "id": "basic-2vcpu-4gb", "displayName": "Basic 2 vCPU / 4 GB",
							  "meters": [{"meter": "vm-hours", "unit": "HOUR"}],
							  "product": {"name": "products/server-basic", "id": "server-basic",
							   "displayName": "Server (Basic)", "family": "IAAS"}}}],
							 "nextPageToken": ""}
							""")))
	PurchasableSkus purchasableSkus(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @RequestParam(required = false) String changeType,
			@RequestParam(required = false) String entitlement,
			@Parameter(
					description = "servers, disks, snapshots, images, public-ips, load-balancers or buckets") @RequestParam(
							required = false) String kind,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		if (token.isConsole()) {
			Access.requireCustomer(token, accountId, customerId);
			if ((changeType != null && !changeType.isBlank()) || (entitlement != null && !entitlement.isBlank())) {
				throw ApiProblem.forbidden("CONSOLE_FORBIDDEN",
						"A console token lists the SKUs of a new purchase only; changing an entitlement is the partner's.");
			}
		}
		else {
			Access.requireAccountRead(token, accountId);
		}
		PageRequest page = PageRequest.of(pageSize, pageToken, 1);
		List<ProductSku> skus = this.options.purchasableSkus(accountId, customerId, changeType, entitlement);
		if (kind != null && !kind.isBlank()) {
			Set<String> ofKind = Set.copyOf(skusOfKind(kind));
			skus = skus.stream().filter((s) -> ofKind.contains(s.sku().name())).toList();
		}
		var served = page.slice(skus, (s) -> s.sku().name());
		return new PurchasableSkus(served.items().stream().map(PurchasableSku::of).toList(), served.nextPageToken());
	}

	private List<String> skusOfKind(String kind) {
		ResourceSkus known = this.resourceSkus.getIfUnique();
		List<String> kinds = (known != null) ? known.kinds() : List.of();
		return Optional.ofNullable(known)
			.flatMap((k) -> k.skusOf(kind))
			.orElseThrow(() -> ApiProblem.invalidField("kind", "must be one of " + String.join(", ", kinds)));
	}

	@PostMapping("/query-eligible-billing-accounts")
	@Operation(summary = "Billing accounts for SKUs, grouped by the SKUs that must share one")
	EligibleBillingAccounts eligibleBillingAccounts(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"skus": ["products/iaas/skus/payg", "products/office-suite/skus/standard"]}
							"""))) @Valid @RequestBody SkusRequest request) {
		Access.requireAccountRead(token, accountId);
		return new EligibleBillingAccounts(this.options.eligibleBillingAccounts(accountId, request.skus())
			.stream()
			.map((g) -> new SkuPurchaseGroupView(g.skus(),
					g.billingAccounts().stream().map((b) -> new BillingAccountPurchaseInfo(b)).toList()))
			.toList());
	}

	@GetMapping("/purchasable-offers")
	@Operation(summary = "Offers for a purchase of a SKU on a billing account, or for changing an entitlement")
	PurchasableOffers purchasableOffers(VerifiedToken token, @PathVariable String accountId,
			@PathVariable String customerId, @RequestParam(required = false) String sku,
			@RequestParam(required = false) String billingAccount, @RequestParam(required = false) String entitlement,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		Access.requireAccountRead(token, accountId);
		PageRequest page = PageRequest.of(pageSize, pageToken, 1);
		var served = page.slice(this.options.purchasableOffers(accountId, customerId, sku, billingAccount, entitlement),
				Offer::name);
		return new PurchasableOffers(served.items().stream().map((o) -> new PurchasableOffer(OfferView.of(o))).toList(),
				served.nextPageToken());
	}

	record SkuView(String name, String id, String displayName, List<Meter> meters, ProductView product) {

		static SkuView of(ProductSku s) {
			return new SkuView(s.sku().name(), s.sku().id(), s.sku().displayName(), s.sku().meters(), new ProductView(
					s.product().name(), s.product().id(), s.product().displayName(), s.product().family()));
		}

	}

	record ProductView(String name, String id, String displayName, Family family) {

	}

	record PurchasableSku(SkuView sku) {

		static PurchasableSku of(ProductSku s) {
			return new PurchasableSku(SkuView.of(s));
		}

	}

	record PurchasableSkus(List<PurchasableSku> purchasableSkus, String nextPageToken) {

	}

	record SkusRequest(@NotEmpty @Size(max = 100) List<@NotNull String> skus) {

	}

	record BillingAccountPurchaseInfo(String billingAccount) {

	}

	record SkuPurchaseGroupView(List<String> skus, List<BillingAccountPurchaseInfo> billingAccountPurchaseInfos) {

	}

	record EligibleBillingAccounts(List<SkuPurchaseGroupView> skuPurchaseGroups) {

	}

	record PurchasableOffer(OfferView offer) {

	}

	record PurchasableOffers(List<PurchasableOffer> purchasableOffers, String nextPageToken) {

	}

}
