package com.cloudpartner.console.home;

import java.util.List;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's month-to-date charges at customer prices, read from billing-service with
 * the console token.
 */
@Component
class CustomerCharges {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	CustomerCharges(RestClient upstream, ServiceEndpoints endpoints) {
		this.http = upstream;
		this.endpoints = endpoints;
	}

	CurrentMonth currentMonth(String accountId, String customerId, String consoleToken) {
		CurrentMonth month;
		try {
			month = this.http.get()
				.uri(UriComponentsBuilder.fromUri(this.endpoints.billing())
					.path("/v1/accounts/{accountId}/customers/{customerId}/billing/current-month")
					.buildAndExpand(accountId, customerId)
					.encode()
					.toUri())
				.headers((headers) -> headers.setBearerAuth(consoleToken))
				.accept(MediaType.APPLICATION_JSON)
				.retrieve()
				.body(CurrentMonth.class);
		}
		catch (RestClientException ex) {
			throw new UpstreamUnavailableException("billing-service did not answer the month-to-date charges", ex);
		}
		if (month == null) {
			throw new UpstreamUnavailableException("billing-service answered without charges");
		}
		return month;
	}

	/**
	 * The customer's view of the month. Money is {@code {currencyCode, amount}}; a bare
	 * amount in the month's currency is understood too ({@link Money#of}).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CurrentMonth(String month, String asOf, String currencyCode, JsonNode customerCost, List<Line> lines) {

		CurrentMonth {
			lines = (lines != null) ? lines : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(String sku, String meter, JsonNode quantity, JsonNode customerCost) {

	}

}
