package com.cloudpartner.console.servers;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ConsoleUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed-in customer's servers at entitlement-service, always under that customer's
 * own path and with their console token: a server of anyone else is not found.
 */
@Component
class CustomerServers {

	static final int PAGE_SIZE = 50;

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	CustomerServers(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
	}

	Page list(ConsoleUser user, String pageToken) {
		UriComponentsBuilder uri = customer("/servers").queryParam("pageSize", PAGE_SIZE);
		if (pageToken != null && !pageToken.isBlank()) {
			uri.queryParam("pageToken", pageToken);
		}
		Page page = this.calls.call("entitlement-service did not list the servers",
				() -> get(user, uri.buildAndExpand(user.accountId(), user.customerId()).encode().toUri(), Page.class));
		// defence in depth: only what is under this customer's own name
		return new Page(page.servers().stream().filter((s) -> s.belongsTo(user)).toList(), page.nextPageToken());
	}

	Server get(ConsoleUser user, String serverId) {
		Server server = this.calls.call("entitlement-service did not answer the server",
				() -> get(user, server(user, serverId, ""), Server.class));
		if (!server.belongsTo(user)) {
			throw new UpstreamRefusedException("entitlement-service answered another customer's server", 404,
					"SERVER_NOT_FOUND");
		}
		return server;
	}

	/** The customer's own images that a server can be created from. */
	List<Server> images(ConsoleUser user) {
		URI uri = customer("/images").queryParam("pageSize", 500)
			.buildAndExpand(user.accountId(), user.customerId())
			.encode()
			.toUri();
		return this.calls.call("entitlement-service did not list the images", () -> get(user, uri, Images.class))
			.images()
			.stream()
			.filter((image) -> "ACTIVE".equals(image.state()))
			.toList();
	}

	Created create(ConsoleUser user, Map<String, String> body, String idempotencyKey) {
		URI uri = customer("/servers").buildAndExpand(user.accountId(), user.customerId()).encode().toUri();
		return this.calls.call("entitlement-service did not create the server",
				() -> this.http.post().uri(uri).headers((headers) -> {
					headers.setBearerAuth(user.token());
					if (idempotencyKey != null) {
						headers.set("Idempotency-Key", idempotencyKey);
					}
				})
					.contentType(MediaType.APPLICATION_JSON)
					.accept(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.body(Created.class));
	}

	/** start, stop, reboot, reset-password or resize (body {@code {sku}}). */
	JobAnswer act(ConsoleUser user, String serverId, String verb, Map<String, String> body) {
		return this.calls.call("entitlement-service did not " + verb + " the server",
				() -> this.http.post()
					.uri(server(user, serverId, "/" + verb))
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.contentType(MediaType.APPLICATION_JSON)
					.accept(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.body(JobAnswer.class));
	}

	JobAnswer delete(ConsoleUser user, String serverId) {
		return this.calls.call("entitlement-service did not delete the server",
				() -> this.http.delete()
					.uri(server(user, serverId, ""))
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(JobAnswer.class));
	}

	private <T> T get(ConsoleUser user, URI uri, Class<T> type) {
		return this.http.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(type);
	}

	private UriComponentsBuilder customer(String path) {
		return UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}" + path);
	}

	private URI server(ConsoleUser user, String serverId, String suffix) {
		return customer("/servers/{serverId}" + suffix).buildAndExpand(user.accountId(), user.customerId(), serverId)
			.encode()
			.toUri();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Server> servers, String nextPageToken) {

		Page {
			servers = (servers != null) ? servers : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Images(List<Server> images) {

		Images {
			images = (images != null) ? images : List.of();
		}

	}

	/** A server (or image) as the API shows it; {@code details} holds its image. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Server(String name, String id, String displayName, String entitlement, String sku, String state,
			String location, JsonNode details, String error, String createTime, String updateTime) {

		boolean belongsTo(ConsoleUser user) {
			return this.name != null && this.name.startsWith(user.customerName() + "/");
		}

		String detail(String field) {
			JsonNode value = (this.details != null) ? this.details.get(field) : null;
			return (value != null && !value.isNull()) ? value.asString() : null;
		}

	}

	/** The job of a change, flat as the API answers it, with a new password if any. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobAnswer(String name, String id, String state, String password) {

		@Override
		public String toString() {
			return "JobAnswer[" + this.name + "]";
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Created(JobAnswer job, Server server, String initialPassword) {

		@Override
		public String toString() {
			return "Created[" + this.job + "]";
		}

	}

}
