package com.cloudpartner.console.partnertool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * entitlement-service as far as the partner tool uses it: the offers available to the
 * token's partner, and the account's jobs and resources across customers (filtered as the
 * service filters them, newest first, paged).
 */
final class FakeEntitlementService extends FakeService {

	private static final FakeEntitlementService INSTANCE = new FakeEntitlementService();

	/** accountId to the offers available to it. */
	final Map<String, List<Map<String, Object>>> offers = new ConcurrentHashMap<>();

	/** accountId to its jobs, newest first. */
	final Map<String, List<Map<String, Object>>> jobs = new ConcurrentHashMap<>();

	/** accountId to its resources, newest first. */
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

	/** Adds a RUNNING resource, newer than those added before. */
	void addResource(String accountId, String customerId, String kind, String id, String displayName) {
		addResource(accountId, customerId, kind, id, displayName, "RUNNING");
	}

	void addResource(String accountId, String customerId, String kind, String id, String displayName, String state) {
		this.resources.computeIfAbsent(accountId, (k) -> new CopyOnWriteArrayList<>())
			.add(0, Map.of("name", "accounts/" + accountId + "/customers/" + customerId + "/" + kind + "/" + id, "id",
					id, "displayName", displayName, "sku", "products/server/skus/basic-1", "state", state, "createTime",
					"2026-11-01T00:00:00Z"));
	}

	@Override
	void route(Request r) throws IOException {
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
		else if (r.accountId() != null && r.rest().equals("/resources") && r.method().equals("GET")) {
			String kind = r.param("kind");
			String customer = r.param("customer");
			String state = r.param("state");
			List<Map<String, Object>> matching = new ArrayList<>();
			for (Map<String, Object> resource : this.resources.getOrDefault(r.accountId(), List.of())) {
				String[] name = resource.get("name").toString().split("/");
				if ((kind == null || kind.equals(name[4])) && (customer == null || customer.equals(name[3]))
						&& ((state == null) ? !"DELETED".equals(resource.get("state"))
								: state.equals(resource.get("state")))) {
					matching.add(resource);
				}
			}
			page(r.exchange(), "resources", matching, r.query());
		}
		else {
			notFound(r.exchange(), "NOT_FOUND");
		}
	}

}
