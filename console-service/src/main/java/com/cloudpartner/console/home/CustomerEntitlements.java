package com.cloudpartner.console.home;

import java.util.List;

import com.cloudpartner.console.partner.PartnerSuspendedException;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/** The customer's entitlements, read from entitlement-service with the console token. */
@Component
class CustomerEntitlements {

	/** The API's largest page; a console customer rarely holds more. */
	static final int PAGE_SIZE = 500;

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	CustomerEntitlements(RestClient upstream, ServiceEndpoints endpoints) {
		this.http = upstream;
		this.endpoints = endpoints;
	}

	Page list(String accountId, String customerId, String consoleToken) {
		Page page;
		try {
			page = this.http.get()
				.uri(UriComponentsBuilder.fromUri(this.endpoints.entitlement())
					.path("/v1/accounts/{accountId}/customers/{customerId}/entitlements")
					.queryParam("pageSize", PAGE_SIZE)
					.buildAndExpand(accountId, customerId)
					.encode()
					.toUri())
				.headers((headers) -> headers.setBearerAuth(consoleToken))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(Page.class);
		}
		catch (RestClientResponseException ex) {
			if (PartnerSuspendedException.isSuspension(ex)) {
				throw new PartnerSuspendedException(accountId);
			}
			throw new UpstreamUnavailableException("entitlement-service did not list the entitlements", ex);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException("entitlement-service did not list the entitlements", ex);
		}
		return (page != null) ? page : new Page(List.of(), null);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Entitlement> entitlements, String nextPageToken) {

		Page {
			entitlements = (entitlements != null) ? entitlements : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entitlement(String name, String offer, String sku, String state, String createTime) {

	}

}
