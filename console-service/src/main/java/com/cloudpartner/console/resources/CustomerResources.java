package com.cloudpartner.console.resources;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ConsoleUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed-in customer's disks, snapshots, images, public IPs, load balancers, buckets
 * and servers' firewall rules at entitlement-service, always under that customer's own
 * path and with their console token. What the API answers outside the customer's own
 * names is dropped, and one such resource is not found.
 */
@Component
class CustomerResources {

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	private final JsonMapper json;

	CustomerResources(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls, JsonMapper json) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
		this.json = json;
	}

	/** The live resources of a kind (the API leaves deleted ones out), first 500. */
	List<Resource> list(ConsoleUser user, ResourceKind kind) {
		return list(user, uri(user, "/" + kind.segment(), 500), kind.field() + "s", kind.segment());
	}

	Resource get(ConsoleUser user, ResourceKind kind, String id) {
		return get(user, uri(user, "/" + kind.segment() + "/{id}", 0, id), kind.segment());
	}

	/** The customer's live servers, to choose from (attach, assign, members, sources). */
	List<Resource> servers(ConsoleUser user) {
		return list(user, uri(user, "/servers", 500), "servers", "servers");
	}

	Resource server(ConsoleUser user, String serverId) {
		return get(user, uri(user, "/servers/{id}", 0, serverId), "servers");
	}

	List<Resource> firewallRules(ConsoleUser user, String serverId) {
		return list(user, uri(user, "/servers/{s}/firewall-rules", 500, serverId), "firewallRules", "firewall rules");
	}

	/** Creates a resource; answers its job. */
	JobRef create(ConsoleUser user, ResourceKind kind, Map<String, Object> body, String idempotencyKey) {
		return send(user, HttpMethod.POST, uri(user, "/" + kind.segment(), 0), body, idempotencyKey,
				"create the " + kind.segment());
	}

	JobRef addFirewallRule(ConsoleUser user, String serverId, Map<String, Object> body) {
		return send(user, HttpMethod.POST, uri(user, "/servers/{s}/firewall-rules", 0, serverId), body, null,
				"add the firewall rule");
	}

	/** attach, detach, assign or release (with {@code {server}} where it needs one). */
	JobRef act(ConsoleUser user, ResourceKind kind, String id, String verb, Map<String, Object> body) {
		return send(user, HttpMethod.POST, uri(user, "/" + kind.segment() + "/{id}/" + verb, 0, id), body, null,
				verb + " the " + kind.field());
	}

	/** Changes a load balancer's members (or another kind's name). */
	JobRef update(ConsoleUser user, ResourceKind kind, String id, Map<String, Object> body) {
		return send(user, HttpMethod.PATCH, uri(user, "/" + kind.segment() + "/{id}", 0, id), body, null,
				"update the " + kind.field());
	}

	JobRef delete(ConsoleUser user, ResourceKind kind, String id) {
		return send(user, HttpMethod.DELETE, uri(user, "/" + kind.segment() + "/{id}", 0, id), null, null,
				"delete the " + kind.field());
	}

	JobRef deleteFirewallRule(ConsoleUser user, String serverId, String ruleId) {
		return send(user, HttpMethod.DELETE, uri(user, "/servers/{s}/firewall-rules/{r}", 0, serverId, ruleId), null,
				null, "delete the firewall rule");
	}

	private List<Resource> list(ConsoleUser user, URI uri, String field, String what) {
		JsonNode page = this.calls.call("entitlement-service did not list the " + what,
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(JsonNode.class));
		List<Resource> resources = new ArrayList<>();
		JsonNode items = page.get(field);
		if (items != null && items.isArray()) {
			for (JsonNode item : items) {
				Resource resource = this.json.treeToValue(item, Resource.class);
				// defence in depth: only what is under this customer's own name
				if (resource.belongsTo(user)) {
					resources.add(resource);
				}
			}
		}
		return resources;
	}

	private Resource get(ConsoleUser user, URI uri, String what) {
		Resource resource = this.calls.call("entitlement-service did not answer one of the " + what,
				() -> this.http.get()
					.uri(uri)
					.headers((headers) -> headers.setBearerAuth(user.token()))
					.accept(MediaType.APPLICATION_JSON)
					.retrieve()
					.body(Resource.class));
		if (!resource.belongsTo(user)) {
			throw new UpstreamRefusedException("entitlement-service answered another customer's " + what, 404,
					"NOT_FOUND");
		}
		return resource;
	}

	private JobRef send(ConsoleUser user, HttpMethod method, URI uri, Map<String, Object> body, String idempotencyKey,
			String what) {
		JsonNode answer = this.calls.call("entitlement-service did not " + what, () -> {
			RestClient.RequestBodySpec request = this.http.method(method).uri(uri).headers((headers) -> {
				headers.setBearerAuth(user.token());
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			}).accept(MediaType.APPLICATION_JSON);
			if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return request.retrieve().body(JsonNode.class);
		});
		// a create answers {job, <kind>}, a change the job itself
		JsonNode job = answer.has("job") ? answer.get("job") : answer;
		return new JobRef(text(job, "name"), text(job, "id"));
	}

	private URI uri(ConsoleUser user, String path, int pageSize, Object... ids) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}" + path);
		if (pageSize > 0) {
			builder.queryParam("pageSize", pageSize);
		}
		Object[] variables = new Object[ids.length + 2];
		variables[0] = user.accountId();
		variables[1] = user.customerId();
		System.arraycopy(ids, 0, variables, 2, ids.length);
		return builder.buildAndExpand(variables).encode().toUri();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = (node != null) ? node.get(field) : null;
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	/**
	 * A resource as the API shows it; {@code details} holds what is particular to its
	 * kind.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Resource(String name, String id, String displayName, String entitlement, String sku, String state,
			Integer sizeGb, String location, JsonNode details, String error, String createTime, String updateTime) {

		boolean belongsTo(ConsoleUser user) {
			return this.name != null && this.name.startsWith(user.customerName() + "/");
		}

	}

	/** The job of a change. */
	record JobRef(String name, String id) {

	}

}
