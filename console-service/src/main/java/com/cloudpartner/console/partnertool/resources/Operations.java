package com.cloudpartner.console.partnertool.resources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * entitlement-service for one session's account: the job history across customers and a
 * customer's resources of each kind.
 */
@Component
class Operations {

	/** The collections of a customer, in the order the page shows them. */
	static final List<String> KINDS = List.of("servers", "disks", "snapshots", "images", "public-ips", "load-balancers",
			"buckets");

	private final PartnerApi api;

	Operations(PartnerApi api) {
		this.api = api;
	}

	JobPage jobs(PartnerSession session, String customer, String state, int pageSize, String pageToken) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("customer", (customer != null) ? customer : "");
		query.put("state", (state != null) ? state : "");
		query.put("pageSize", pageSize);
		query.put("pageToken", (pageToken != null) ? pageToken : "");
		return this.api.entitlement(session).get(JobPage.class, query, "/jobs");
	}

	/** The customer at partner-service: a customer of another partner is not found. */
	Customer customer(PartnerSession session, String customerId) {
		return this.api.forSession(session).get(Customer.class, "/customers/{customerId}", customerId);
	}

	/** The first page of each kind: a resource list per kind, empty when it has none. */
	Map<String, Collection> resources(PartnerSession session, String customerId, int pageSize) {
		Map<String, Collection> all = new LinkedHashMap<>();
		for (String kind : KINDS) {
			JsonNode page = this.api.entitlement(session)
				.get(JsonNode.class, Map.of("pageSize", pageSize), "/customers/{customerId}/{kind}", customerId, kind);
			List<Resource> items = new ArrayList<>();
			for (JsonNode field : page.properties().stream().map(Map.Entry::getValue).toList()) {
				if (field.isArray()) {
					for (JsonNode item : field) {
						items.add(Resource.of(item));
					}
				}
			}
			JsonNode next = page.get("nextPageToken");
			all.put(kind, new Collection(items, next != null && !next.isNull() && !next.asString().isEmpty()));
		}
		return all;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Customer(String id, String userId, String displayName) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobPage(List<Job> jobs, String nextPageToken) {

		JobPage {
			jobs = (jobs != null) ? jobs : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Job(String name, String id, String customer, String type, String target, String state, String requestedBy,
			String createTime, String finishTime, JobError error) {

		public String customerId() {
			if (this.customer == null) {
				return null;
			}
			int slash = this.customer.lastIndexOf('/');
			return (slash >= 0) ? this.customer.substring(slash + 1) : this.customer;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobError(String code, String message) {

	}

	/** One kind's first page, and whether more exist. */
	record Collection(List<Resource> items, boolean more) {

	}

	record Resource(String id, String displayName, String sku, String state, String createTime) {

		static Resource of(JsonNode node) {
			return new Resource(text(node, "id"), text(node, "displayName"), text(node, "sku"), text(node, "state"),
					text(node, "createTime"));
		}

		private static String text(JsonNode node, String field) {
			JsonNode value = node.get(field);
			return (value != null && !value.isNull()) ? value.asString() : null;
		}

	}

}
