package com.cloudpartner.entitlement.catalog;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.common.Money;
import com.cloudpartner.entitlement.common.PageRequest;
import com.cloudpartner.support.problem.ApiProblem;
import com.cloudpartner.support.security.Access;
import com.cloudpartner.support.security.VerifiedToken;

import com.cloudpartner.entitlement.common.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@ProblemResponses
@RestController
@RequestMapping("/v1/offers")
@Tag(name = "Catalog")
class OfferController {

	private final Catalog catalog;

	private final CatalogManagement management;

	OfferController(Catalog catalog, CatalogManagement management) {
		this.catalog = catalog;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "List offers", description = "Operators see every offer, others the offers available to them.")
	OfferList list(VerifiedToken token, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		var page = this.catalog.listOffers(PageRequest.of(pageSize, pageToken, 1), visibleTo(token)).map(OfferView::of);
		return new OfferList(page.items(), page.nextPageToken());
	}

	@GetMapping("/{offerId}")
	@Operation(summary = "Get an offer")
	OfferView get(VerifiedToken token, @PathVariable String offerId) {
		return this.catalog.findOffer(offerId)
			.filter((offer) -> token.isOperator() || this.catalog.availableTo(offer, visibleTo(token)))
			.map(OfferView::of)
			.orElseThrow(() -> CatalogManagement.offerNotFound(offerId));
	}

	@PostMapping("/{offerId}/price-versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a price version to an offer (operator)",
			description = "From effectiveTime on, usage is priced so; publishes offer.published with that effectiveTime.")
	OfferView addPriceVersion(VerifiedToken token, @PathVariable String offerId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = """
							{"effectiveTime": "2027-01-01T00:00:00Z",
							 "prices": [{"meter": "vm-hours", "unit": "HOUR", "listPrice": {"currencyCode": "KRW", "amount": "50"}}],
							 "monthlyPrice": {"currencyCode": "KRW", "amount": "33000"}}
							"""))) @Valid @RequestBody PriceVersionRequest request) {
		Access.requireOperator(token);
		return OfferView.of(this.management.addPriceVersion(offerId,
				new CatalogManagement.NewPriceVersion(request.effectiveTime(),
						request.prices()
							.stream()
							.map((p) -> new NewOffer.NewPrice(p.meter(), p.unit(), p.listPrice()))
							.toList(),
						request.monthlyPrice()),
				ProductController.operator(token, idempotencyKey)));
	}

	@GetMapping("/{offerId}/price-versions")
	@Operation(summary = "List an offer's price versions, oldest first (operator)")
	PriceVersionList priceVersions(VerifiedToken token, @PathVariable String offerId) {
		Access.requireOperator(token);
		List<Offer> versions = this.catalog.priceVersions(offerId);
		if (versions.isEmpty()) {
			throw CatalogManagement.offerNotFound(offerId);
		}
		return new PriceVersionList(versions.stream()
			.map((v) -> new PriceVersionView(v.effectiveFrom(), OfferView.of(v).prices(),
					OfferView.of(v).monthlyPrice()))
			.toList());
	}

	static String visibleTo(VerifiedToken token) {
		if (token.isOperator()) {
			return null;
		}
		return (token.accountId() != null) ? token.accountId() : "";
	}

	record PriceVersionRequest(@NotNull Instant effectiveTime,
			@NotEmpty @Size(max = 50) List<@Valid @NotNull PriceRequest> prices, @Valid Money monthlyPrice) {

	}

	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record PriceVersionView(Instant effectiveTime, List<OfferView.PriceView> prices, Money monthlyPrice) {

	}

	record PriceVersionList(List<PriceVersionView> priceVersions) {

	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an offer (operator)", description = "Publishes offer.published on entitlement-events.")
	ResponseEntity<OfferView> create(VerifiedToken token,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = """
							{"id": "server-basic-2vcpu-4gb-monthly", "sku": "products/server-basic/skus/basic-2vcpu-4gb",
							 "displayName": "Server Basic 2 vCPU / 4 GB, monthly",
							 "plan": {"paymentPlan": "FLEXIBLE", "paymentCycle": {"duration": 1, "periodType": "MONTH"}},
							 "prices": [{"meter": "vm-hours", "unit": "HOUR", "listPrice": {"currencyCode": "KRW", "amount": "45"}}],
							 "monthlyPrice": {"currencyCode": "KRW", "amount": "30000"},
							 "effectiveTime": "2026-01-01T00:00:00Z"}
							"""))) @Valid @RequestBody CreateOfferRequest request) {
		Access.requireOperator(token);
		Offer offer = this.management.createOffer(request.toNewOffer(),
				ProductController.operator(token, idempotencyKey));
		return ResponseEntity.created(URI.create("/v1/" + offer.name())).body(OfferView.of(offer));
	}

	record CreateOfferRequest(
			@NotNull @Pattern(regexp = ProductController.ID_PATTERN, message = ProductController.ID_MESSAGE) String id,
			@NotBlank String sku, @NotBlank @Size(max = 200) String displayName, @NotNull @Valid PlanRequest plan,
			@NotEmpty @Size(max = 50) List<@Valid @NotNull PriceRequest> prices, @Valid Money monthlyPrice,
			Instant effectiveTime) {

		NewOffer toNewOffer() {
			return new NewOffer(this.id, this.sku, this.displayName.strip(), this.plan.paymentPlan(),
					this.plan.paymentCycle().duration(), this.plan.paymentCycle().periodType(),
					this.prices.stream().map((p) -> new NewOffer.NewPrice(p.meter(), p.unit(), p.listPrice())).toList(),
					this.monthlyPrice, this.effectiveTime);
		}

	}

	record PlanRequest(@NotNull PaymentPlan paymentPlan, @NotNull @Valid CycleRequest paymentCycle) {

	}

	record CycleRequest(@NotNull @Min(1) @Max(120) Integer duration, @NotNull PeriodType periodType) {

	}

	record PriceRequest(@NotBlank String meter, @NotNull Unit unit, @NotNull @Valid Money listPrice) {

	}

	record OfferList(List<OfferView> offers, String nextPageToken) {

	}

}
