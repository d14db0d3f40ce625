package com.cloudpartner.console.charges;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.web.ConsoleUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed-in customer's charges of one month at billing-service: the customer's own
 * views ({@code /customers/{c}/billing/current-month} and {@code .../billing/daily}),
 * which carry customer prices only. The records below read nothing else, so no partner
 * cost can reach a page even if the API sent one.
 */
@Component
class MonthlyCharges {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	MonthlyCharges(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
	}

	Month of(ConsoleUser user, YearMonth month) {
		return get(user, "/current-month", month, Month.class, "the charges of " + month);
	}

	/** What each day of the month added to it, through today for this month. */
	Days days(ConsoleUser user, YearMonth month) {
		return get(user, "/daily", month, Days.class, "the daily charges of " + month);
	}

	private <T> T get(ConsoleUser user, String view, YearMonth month, Class<T> type, String what) {
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.billing())
			.path("/v1/accounts/{accountId}/customers/{customerId}/billing" + view)
			.queryParam("month", month.toString())
			.buildAndExpand(user.accountId(), user.customerId())
			.encode()
			.toUri();
		return this.calls.call("billing-service did not answer " + what,
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(type));
	}

	/** The month at customer prices; money is {@code {currencyCode, amount}}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Month(String month, String asOf, String currencyCode, JsonNode customerCost, List<Line> lines) {

		Month {
			lines = (lines != null) ? lines : List.of();
		}

	}

	/** The month per day at customer prices ({@code /billing/daily}). */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Days(String month, String currencyCode, JsonNode customerCost, List<Day> days) {

		Days {
			days = (days != null) ? days : List.of();
		}

	}

	/** What a day added to the month, at customer prices; the date is YYYY-MM-DD. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Day(String date, JsonNode customerCost) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Line(String customer, String sku, String meter, JsonNode quantity, JsonNode customerCost) {

	}

}
