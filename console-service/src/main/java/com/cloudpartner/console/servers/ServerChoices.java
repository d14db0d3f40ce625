package com.cloudpartner.console.servers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.servers.ServerCatalog.Product;
import com.cloudpartner.console.servers.ServerCatalog.Sku;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the customer may choose from when creating or resizing a server: their ACTIVE IaaS
 * entitlements, the server SKUs their partner may sell them and the cloud runs
 * ({@code purchasable-skus?kind=servers}, read with their own console token), and the OS
 * images (the provider's public ones and the customer's own).
 */
@Component
public class ServerChoices {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	private final ServerCatalog catalog;

	private final CustomerServers servers;

	private final OsImages osImages;

	ServerChoices(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls, ServerCatalog catalog,
			CustomerServers servers, OsImages osImages) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
		this.catalog = catalog;
		this.servers = servers;
		this.osImages = osImages;
	}

	/** Everything the create form offers. */
	Choices forCreate(ConsoleUser user) {
		return new Choices(entitlements(user), skus(user), images(user));
	}

	/** The server SKUs, as {@code products/{p}/skus/{s}} with their display names. */
	List<Choice> skus(ConsoleUser user) {
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}/purchasable-skus")
			.queryParam("kind", "servers")
			.queryParam("pageSize", 500)
			.buildAndExpand(user.accountId(), user.customerId())
			.encode()
			.toUri();
		PurchasableSkus answer = this.calls.call("entitlement-service did not list the purchasable SKUs",
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(PurchasableSkus.class));
		return answer.purchasableSkus()
			.stream()
			.map(PurchasableSku::sku)
			.filter((s) -> s != null && s.name() != null)
			.map((s) -> new Choice(s.name(), label(s)))
			.toList();
	}

	/**
	 * The customer's ACTIVE IaaS entitlements, which every kind of resource is created
	 * under.
	 */
	public List<Choice> entitlements(ConsoleUser user) {
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}/entitlements")
			.queryParam("pageSize", 500)
			.buildAndExpand(user.accountId(), user.customerId())
			.encode()
			.toUri();
		Entitlements answer = this.calls.call("entitlement-service did not list the entitlements",
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(Entitlements.class));
		Map<String, Product> iaas = this.catalog.iaasProducts(user.token());
		List<Choice> choices = new ArrayList<>();
		for (Entitlement entitlement : answer.entitlements()) {
			Product product = (entitlement.sku() != null) ? iaas.get(new Sku(entitlement.sku(), null, null).productId())
					: null;
			if ("ACTIVE".equals(entitlement.state()) && product != null && entitlement.name() != null
					&& entitlement.name().startsWith(user.customerName() + "/entitlements/")) {
				choices.add(new Choice(entitlement.name(),
						product.displayName() + " (" + Ids.lastSegment(entitlement.name()) + ")"));
			}
		}
		return choices;
	}

	private List<Choice> images(ConsoleUser user) {
		List<Choice> images = new ArrayList<>();
		this.osImages.list(user.token()).forEach((image) -> images.add(new Choice(image.id(), image.label())));
		this.servers.images(user)
			.forEach((image) -> images.add(new Choice(image.name(),
					(image.displayName() != null) ? image.displayName() : Ids.lastSegment(image.name()))));
		return images;
	}

	private static String label(Sku sku) {
		return (sku.displayName() != null && !sku.displayName().isBlank()) ? sku.displayName() : sku.name();
	}

	/** A value of a select and its label. */
	public record Choice(String value, String label) {

	}

	/** What the create form offers. */
	record Choices(List<Choice> entitlements, List<Choice> skus, List<Choice> images) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PurchasableSkus(List<PurchasableSku> purchasableSkus) {

		PurchasableSkus {
			purchasableSkus = (purchasableSkus != null) ? purchasableSkus : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record PurchasableSku(Sku sku) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entitlements(List<Entitlement> entitlements) {

		Entitlements {
			entitlements = (entitlements != null) ? entitlements : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entitlement(String name, String offer, String sku, String state) {

	}

}
