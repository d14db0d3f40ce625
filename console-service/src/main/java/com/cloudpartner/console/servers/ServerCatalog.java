package com.cloudpartner.console.servers;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public catalog (products and their SKUs), which any verified token may read and
 * which is the same for every customer: read with the asking user's console token and
 * kept for {@code platform.console.servers.catalog-ttl}.
 */
@Component
class ServerCatalog {

	/** The meter of a server SKU (docs/guides/resources.md, "Metering"). */
	static final String SERVER_METER = "vm-hours";

	static final String IAAS = "IAAS";

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	private final ServerProperties properties;

	private final Clock clock;

	private volatile Snapshot snapshot;

	ServerCatalog(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls, ServerProperties properties,
			Clock clock) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
		this.properties = properties;
		this.clock = clock;
	}

	/** Purchasable IAAS products by id. */
	Map<String, Product> iaasProducts(String token) {
		return current(token).products();
	}

	/**
	 * The SKUs of purchasable IAAS products that are metered as servers, for the names of
	 * servers' SKUs (what a customer may choose comes from purchasable-skus).
	 */
	List<Sku> serverSkus(String token) {
		return current(token).serverSkus();
	}

	Optional<String> displayName(String token, String skuName) {
		return serverSkus(token).stream().filter((s) -> s.name().equals(skuName)).map(Sku::displayName).findFirst();
	}

	private Snapshot current(String token) {
		Instant now = this.clock.instant();
		Snapshot known = this.snapshot;
		if (known != null && now.isBefore(known.expiresAt())) {
			return known;
		}
		Snapshot fresh = load(token, now);
		this.snapshot = fresh;
		return fresh;
	}

	private Snapshot load(String token, Instant now) {
		Products products = this.calls.call("entitlement-service did not list the products",
				() -> get(token, uri("/v1/products"), Products.class));
		Map<String, Product> iaas = products.products()
			.stream()
			.filter((p) -> IAAS.equals(p.family()) && p.purchasable())
			.collect(Collectors.toMap(Product::id, (p) -> p, (a, b) -> a, java.util.LinkedHashMap::new));
		List<Sku> servers = new ArrayList<>();
		for (Product product : iaas.values()) {
			Skus skus = this.calls.call("entitlement-service did not list the SKUs of " + product.id(),
					() -> get(token, uri("/v1/products/{productId}/skus", product.id()), Skus.class));
			skus.skus().stream().filter(Sku::isServer).forEach(servers::add);
		}
		return new Snapshot(Map.copyOf(iaas), List.copyOf(servers), now.plus(this.properties.catalogTtl()));
	}

	private URI uri(String path, Object... variables) {
		return UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path(path)
			.queryParam("pageSize", 500)
			.buildAndExpand(variables)
			.encode()
			.toUri();
	}

	private <T> T get(String token, URI uri, Class<T> type) {
		return this.http.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(type);
	}

	private record Snapshot(Map<String, Product> products, List<Sku> serverSkus, Instant expiresAt) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Products(List<Product> products) {

		Products {
			products = (products != null) ? products : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Product(String name, String id, String displayName, String family, boolean purchasable) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Skus(List<Sku> skus) {

		Skus {
			skus = (skus != null) ? skus : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Sku(String name, String displayName, List<Meter> meters) {

		Sku {
			meters = (meters != null) ? meters : List.of();
		}

		boolean isServer() {
			return this.name != null && this.meters.stream().anyMatch((m) -> SERVER_METER.equals(m.meter()));
		}

		/** {@code products/{p}/skus/{s}}: the product's id. */
		String productId() {
			String[] parts = this.name.split("/");
			return (parts.length == 4) ? parts[1] : "";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Meter(String meter, String unit) {

	}

}
