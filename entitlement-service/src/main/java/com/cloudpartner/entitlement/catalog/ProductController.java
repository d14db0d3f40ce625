package com.cloudpartner.entitlement.catalog;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.cloudpartner.entitlement.catalog.CatalogManagement.Caller;
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
@RequestMapping("/v1/products")
@Tag(name = "Catalog")
class ProductController {

	static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

	static final String ID_MESSAGE = "must be 1 to 63 lower-case letters, digits or hyphens";

	private final Catalog catalog;

	private final CatalogManagement management;

	ProductController(Catalog catalog, CatalogManagement management) {
		this.catalog = catalog;
		this.management = management;
	}

	@GetMapping
	@Operation(summary = "List products")
	ProductList list(VerifiedToken token, @RequestParam(required = false) Integer pageSize,
			@RequestParam(required = false) String pageToken) {
		var page = this.catalog.listProducts(PageRequest.of(pageSize, pageToken, 1)).map(ProductView::of);
		return new ProductList(page.items(), page.nextPageToken());
	}

	@GetMapping("/{productId}")
	@Operation(summary = "Get a product")
	ProductView get(VerifiedToken token, @PathVariable String productId) {
		return this.catalog.findProduct(productId).map(ProductView::of).orElseThrow(() -> productNotFound(productId));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a product (operator)")
	ResponseEntity<ProductView> create(VerifiedToken token,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = """
							{"id": "server-basic", "displayName": "Server (Basic)", "family": "IAAS", "purchasable": true}
							"""))) @Valid @RequestBody CreateProductRequest request) {
		Access.requireOperator(token);
		Product product = this.management.createProduct(request.toProduct(), operator(token, idempotencyKey));
		return ResponseEntity.created(URI.create("/v1/" + product.name())).body(ProductView.of(product));
	}

	@GetMapping("/{productId}/skus")
	@Operation(summary = "List the SKUs of a product")
	SkuList listSkus(VerifiedToken token, @PathVariable String productId,
			@RequestParam(required = false) Integer pageSize, @RequestParam(required = false) String pageToken) {
		if (this.catalog.findProduct(productId).isEmpty()) {
			throw productNotFound(productId);
		}
		var page = this.catalog.listSkus(productId, PageRequest.of(pageSize, pageToken, 1)).map(SkuView::of);
		return new SkuList(page.items(), page.nextPageToken());
	}

	@PostMapping("/{productId}/skus")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a SKU of a product (operator)")
	ResponseEntity<SkuView> createSku(VerifiedToken token, @PathVariable String productId,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(examples = @ExampleObject(value = """
							{"id": "basic-2vcpu-4gb", "displayName": "Basic 2 vCPU / 4 GB",
							 "meters": [{"meter": "vm-hours", "unit": "HOUR"}]}
							"""))) @Valid @RequestBody CreateSkuRequest request) {
		Access.requireOperator(token);
		Sku sku = this.management.createSku(request.toSku(productId), operator(token, idempotencyKey));
		return ResponseEntity.created(URI.create("/v1/" + sku.name())).body(SkuView.of(sku));
	}

	static Caller operator(VerifiedToken token, String idempotencyKey) {
		return new Caller("operators/" + token.subject(), idempotencyKey);
	}

	private static ApiProblem productNotFound(String productId) {
		return ApiProblem.notFound("PRODUCT_NOT_FOUND", "There is no product products/" + productId + ".");
	}

	record CreateProductRequest(@NotNull @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
			@NotBlank @Size(max = 200) String displayName, @NotNull Family family, Boolean purchasable) {

		Product toProduct() {
			return new Product(this.id, this.displayName.strip(), this.family,
					(this.purchasable != null) ? this.purchasable : true);
		}

	}

	record CreateSkuRequest(@NotNull @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
			@NotBlank @Size(max = 200) String displayName,
			@NotEmpty @Size(max = 50) List<@Valid @NotNull MeterRequest> meters) {

		Sku toSku(String productId) {
			return new Sku(productId, this.id, this.displayName.strip(),
					this.meters.stream().map((m) -> new Meter(m.meter(), m.unit())).toList());
		}

	}

	record MeterRequest(@NotNull @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String meter, @NotNull Unit unit) {

	}

	record ProductView(String name, String id, String displayName, Family family, boolean purchasable) {

		static ProductView of(Product product) {
			return new ProductView(product.name(), product.id(), product.displayName(), product.family(),
					product.purchasable());
		}

	}

	record SkuView(String name, String id, String displayName, List<Meter> meters) {

		static SkuView of(Sku sku) {
			return new SkuView(sku.name(), sku.id(), sku.displayName(), sku.meters());
		}

	}

	record ProductList(List<ProductView> products, String nextPageToken) {

	}

	record SkuList(List<SkuView> skus, String nextPageToken) {

	}

}
