package com.cloudpartner.console.servers;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.servers.ServerCatalog.Product;
import com.cloudpartner.console.servers.ServerCatalog.Sku;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Ids;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the customer may choose from when creating or resizing a server: their ACTIVE IaaS
 * entitlements, the server SKUs the API offers them, and the OS images (the configured
 * ones and the customer's own).
 *
 * <p>
 * Server SKUs come from {@code purchasable-skus} when entitlement-service answers it for
 * a console token; today it answers only partner tokens (403), so the console falls back
 * to the public catalog's purchasable IAAS SKUs that are metered as servers.
 */
@Component
public class ServerChoices {

	private static final Logger log = LoggerFactory.getLogger(ServerChoices.class);

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	private final ServerCatalog catalog;

	private final CustomerServers servers;

	private final ServerProperties properties;

	ServerChoices(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls, ServerCatalog catalog,
			CustomerServers servers, ServerProperties properties) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
		this.catalog = catalog;
		this.servers = servers;
		this.properties = properties;
	}

	/** Everything the create form offers. */
	Choices forCreate(ConsoleUser user) {
		return new Choices(entitlements(user), skus(user), images(user));
	}

	/** The server SKUs, as {@code products/{p}/skus/{s}} with their display names. */
	List<Choice> skus(ConsoleUser user) {
		List<Sku> skus;
		try {
			skus = purchasable(user);
		}
		catch (UpstreamRefusedException ex) {
			if (ex.isSuspension() || (ex.status() != 401 && ex.status() != 403)) {
				throw ex;
			}
			log.debug("purchasable-skus refused the console token ({}), using the catalog", ex.code());
			skus = this.catalog.serverSkus(user.token());
		}
		return skus.stream().map((s) -> new Choice(s.name(), label(s))).toList();
	}

	private List<Sku> purchasable(ConsoleUser user) {
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}/purchasable-skus")
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
			.filter((s) -> s != null && s.isServer())
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
		this.properties.images().forEach((image) -> images.add(new Choice(image, image)));
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
