package com.cloudpartner.console.monitoring;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ConsoleUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A server of the signed-in customer and its monitoring series at entitlement-service,
 * always under that customer's own path and with their console token.
 */
@Component
class ServerMetrics {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	ServerMetrics(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
	}

	Server server(ConsoleUser user, String serverId) {
		Server server = this.calls.call("entitlement-service did not answer the server",
				() -> get(user, expand(server(), user, serverId), Server.class));
		if (server.name() == null || !server.name().startsWith(user.customerName() + "/")) {
			throw new UpstreamRefusedException("entitlement-service answered another customer's server", 404,
					"SERVER_NOT_FOUND");
		}
		return server;
	}

	/** One series: cpu, memory, disk (percent) or traffic (egress bytes), hourly. */
	Series series(ConsoleUser user, String serverId, String metric, Instant from, Instant to) {
		URI uri = expand(server().path("/metrics")
			.queryParam("metric", metric)
			.queryParam("from", from.toString())
			.queryParam("to", to.toString()), user, serverId);
		return this.calls.call("entitlement-service did not answer the " + metric + " metrics",
				() -> get(user, uri, Series.class));
	}

	private UriComponentsBuilder server() {
		return UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}/servers/{serverId}");
	}

	private static URI expand(UriComponentsBuilder uri, ConsoleUser user, String serverId) {
		return uri.buildAndExpand(user.accountId(), user.customerId(), serverId).encode().toUri();
	}

	private <T> T get(ConsoleUser user, URI uri, Class<T> type) {
		return this.http.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(type);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Server(String name, String id, String displayName, String state) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Series(String resource, String metric, List<Point> points) {

		Series {
			points = (points != null) ? points : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Point(Instant time, Double value) {

	}

}
