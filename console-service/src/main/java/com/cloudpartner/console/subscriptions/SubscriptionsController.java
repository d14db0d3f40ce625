package com.cloudpartner.console.subscriptions;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cloudpartner.console.config.ConsoleProperties;
import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.upstream.UpstreamUnavailableException;
import com.cloudpartner.console.web.ConsoleUser;
import com.cloudpartner.console.web.Times;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's subscriptions (entitlements) in full: offer, SKU, state with its
 * suspension reasons, parameters and when each was created. Read with the console token
 * under the customer's own path; anything not under that name is left out.
 */
@Controller
@ApiResponse(responseCode = "200", description = "The page")
@ApiResponse(responseCode = "401", description = "No console session")
@ApiResponse(responseCode = "503", description = "The API did not answer; the page says so")
class SubscriptionsController {

	static final int PAGE_SIZE = 500;

	private static final Logger log = LoggerFactory.getLogger(SubscriptionsController.class);

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	private final ConsoleProperties properties;

	SubscriptionsController(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls,
			ConsoleProperties properties) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
		this.properties = properties;
	}

	@GetMapping(path = "/console/subscriptions", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The end user's subscriptions", security = @SecurityRequirement(name = "consoleSession"))
	org.springframework.web.servlet.ModelAndView subscriptions(ConsoleUser user) {
		var view = user.page("console/subscriptions/list", HttpStatus.OK);
		try {
			Page page = list(user);
			view.addObject("subscriptions",
					page.entitlements()
						.stream()
						.filter((e) -> e.name() != null && e.name().startsWith(user.customerName() + "/"))
						.map(this::row)
						.toList());
			view.addObject("more", page.nextPageToken() != null && !page.nextPageToken().isBlank());
		}
		catch (UpstreamUnavailableException ex) {
			log.warn("Subscriptions of {} unavailable: {}", user, ex.getMessage());
			view.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
		}
		return view;
	}

	private Page list(ConsoleUser user) {
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}/entitlements")
			.queryParam("pageSize", PAGE_SIZE)
			.buildAndExpand(user.accountId(), user.customerId())
			.encode()
			.toUri();
		return this.calls.call("entitlement-service did not list the entitlements",
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(Page.class));
	}

	private Row row(Entitlement e) {
		List<String> parameters = e.parameters()
			.stream()
			.filter((p) -> p.name() != null)
			.map((p) -> p.name() + " = " + value(p.value()))
			.toList();
		return new Row(e.name(), text(e.offer()), text(e.sku()), text(e.state()), e.suspensionReasons(), parameters,
				text(e.createTime()), Times.local(e.createTime(), this.properties.timeZone()));
	}

	/**
	 * A parameter's value: a plain value as is, a typed one ({"int64Value": 5}) by its
	 * content.
	 */
	private static String value(JsonNode value) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (value.isObject() && value.size() == 1) {
			return value.values().iterator().next().asString();
		}
		return value.isValueNode() ? value.asString() : value.toString();
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

	/**
	 * A subscription as the page shows it.
	 *
	 * @param name the entitlement's resource name
	 * @param offer the offer's name
	 * @param sku the SKU's name
	 * @param state ACTIVE, SUSPENDED or CANCELLED
	 * @param suspensionReasons why it is suspended, if it is
	 * @param parameters "name = value"
	 * @param createTime RFC 3339
	 * @param createTimeText local time
	 */
	record Row(String name, String offer, String sku, String state, List<String> suspensionReasons,
			List<String> parameters, String createTime, String createTimeText) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Entitlement> entitlements, String nextPageToken) {

		Page {
			entitlements = (entitlements != null) ? entitlements : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entitlement(String name, String offer, String sku, String state, List<String> suspensionReasons,
			List<Parameter> parameters, String createTime) {

		Entitlement {
			suspensionReasons = (suspensionReasons != null) ? suspensionReasons : List.of();
			parameters = (parameters != null) ? parameters : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Parameter(String name, JsonNode value) {

	}

}
