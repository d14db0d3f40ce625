package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * entitlement-service as far as the partner tool uses it: the offers available to the
 * token's partner, the account's jobs (filtered by customer and state) and a customer's
 * resources by kind.
 */
final class FakeEntitlementService extends FakeService {

	private static final FakeEntitlementService INSTANCE = new FakeEntitlementService();

	private static final Pattern RESOURCES = Pattern.compile("/customers/([^/]+)/([a-z-]+)");

	/** accountId to the offers available to it. */
	final Map<String, List<Map<String, Object>>> offers = new ConcurrentHashMap<>();

	/** accountId to its jobs, newest first. */
	final Map<String, List<Map<String, Object>>> jobs = new ConcurrentHashMap<>();

	/** accountId + "/" + customerId + "/" + kind to resources. */
	final Map<String, List<Map<String, Object>>> resources = new ConcurrentHashMap<>();

	private FakeEntitlementService() {
	}

	static FakeEntitlementService get() {
		return INSTANCE;
	}

	void addJob(String accountId, String id, String customerId, String state) {
		Map<String, Object> job = new java.util.LinkedHashMap<>();
		job.put("name", "accounts/" + accountId + "/jobs/" + id);
		job.put("id", id);
		job.put("customer", "accounts/" + accountId + "/customers/" + customerId);
		job.put("type", "server.create");
		job.put("target", "accounts/" + accountId + "/customers/" + customerId + "/servers/s-" + id);
		job.put("state", state);
		job.put("requestedBy", "partner");
		job.put("createTime", "2026-11-10T01:00:00Z");
		job.put("finishTime", null);
		job.put("error", state.equals("FAILED") ? Map.of("code", "QUOTA_EXCEEDED", "message", "no capacity") : null);
		this.jobs.computeIfAbsent(accountId, (a) -> new CopyOnWriteArrayList<>()).add(job);
	}

	void addResource(String accountId, String customerId, String kind, String id, String displayName) {
		this.resources.computeIfAbsent(accountId + "/" + customerId + "/" + kind, (k) -> new CopyOnWriteArrayList<>())
			.add(Map.of("name", "accounts/" + accountId + "/customers/" + customerId + "/" + kind + "/" + id, "id", id,
					"displayName", displayName, "sku", "products/server/skus/basic-1", "state", "RUNNING", "createTime",
					"2026-11-01T00:00:00Z"));
	}

	@Override
	void route(Request r) throws IOException {
		Matcher m;
		if (r.accountId() == null && r.rest().equals("/v1/offers") && r.method().equals("GET")) {
			page(r.exchange(), "offers", this.offers.getOrDefault(r.tokenAccount(), List.of()), r.query());
		}
		else if (r.accountId() != null && r.rest().equals("/jobs") && r.method().equals("GET")) {
			List<Map<String, Object>> matching = new ArrayList<>();
			for (Map<String, Object> job : this.jobs.getOrDefault(r.accountId(), List.of())) {
				String customer = r.param("customer");
				String state = r.param("state");
				if ((customer == null || job.get("customer").toString().endsWith("/customers/" + customer))
						&& (state == null || state.equals(job.get("state")))) {
					matching.add(job);
				}
			}
			page(r.exchange(), "jobs", matching, r.query());
		}
		else if (r.accountId() != null && (m = RESOURCES.matcher(r.rest())).matches() && r.method().equals("GET")) {
			String field = switch (m.group(2)) {
				case "public-ips" -> "publicIps";
				case "load-balancers" -> "loadBalancers";
				default -> m.group(2);
			};
			page(r.exchange(), field,
					this.resources.getOrDefault(r.accountId() + "/" + m.group(1) + "/" + m.group(2), List.of()),
					r.query());
		}
		else {
			notFound(r.exchange(), "NOT_FOUND");
		}
	}

}
