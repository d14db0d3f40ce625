package com.cloudpartner.entitlement.resources;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.common.IdempotencyKeys;
import com.cloudpartner.entitlement.jobs.Job;
import com.cloudpartner.entitlement.jobs.JobView;
import com.cloudpartner.entitlement.jobs.Jobs;
import com.cloudpartner.entitlement.partner.PartnerChecks;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts changes to resources: checks them, records the resource's intent and queues the
 * job that asks the provider, in one transaction. The job runner does the rest.
 */
@Service
class ResourceManagement {

	private final Resources resources;

	private final Jobs jobs;

	private final ResourceRules rules;

	private final PartnerChecks partners;

	private final IdempotencyKeys idempotencyKeys;

	private final TransactionTemplate tx;

	private final JsonMapper json;

	private final Clock clock;

	private final String location;

	ResourceManagement(Resources resources, Jobs jobs, ResourceRules rules, PartnerChecks partners,
			IdempotencyKeys idempotencyKeys, TransactionTemplate tx, JsonMapper json, Clock clock,
			ResourcesProperties properties) {
		this.location = properties.location();
		this.resources = resources;
		this.jobs = jobs;
		this.rules = rules;
		this.partners = partners;
		this.idempotencyKeys = idempotencyKeys;
		this.tx = tx;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Creates a resource: answers the queued job and the PROVISIONING resource, plus a
	 * server's initial password (never stored, so a replay answers without it).
	 * @param serverId the server a firewall rule is for, null otherwise
	 */
	Map<String, Object> create(String requestedBy, String accountId, String customerId, ResourceKind kind,
			String serverId, ResourceRequest request, String idempotencyKey) {
		this.partners.requireNotSuspended(accountId);
		String password = (kind == ResourceKind.SERVER) ? Passwords.generate() : null;
		AtomicBoolean created = new AtomicBoolean();
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("customer", customerId);
		identity.put("server", serverId);
		identity.put("request", request);
		@SuppressWarnings("unchecked")
		Map<String, Object> response = this.tx.execute((status) -> this.idempotencyKeys.once("accounts/" + accountId,
				idempotencyKey, "Create" + kind.name(), identity, Map.class, () -> {
					created.set(true);
					return place(requestedBy, accountId, customerId, kind, serverId, request, password);
				}));
		Map<String, Object> answer = new LinkedHashMap<>(response);
		if (created.get() && password != null) {
			answer.put("initialPassword", password);
		}
		return answer;
	}

	private Map<String, Object> place(String requestedBy, String accountId, String customerId, ResourceKind kind,
			String serverId, ResourceRequest request, String password) {
		Instant now = now();
		String id = UUID.randomUUID().toString();
		ResourceRules.Draft draft = this.rules.draft(accountId, customerId, kind, serverId, request);
		Map<String, Object> attributes = new HashMap<>(draft.attributes());
		attributes.put("location", this.location);
		Resource resource = new Resource(accountId, customerId, id, kind, draft.entitlementId(), draft.sku(),
				draft.displayName(), ResourceState.PROVISIONING, draft.sizeGb(), serverId, attributes, null, null, now,
				now);
		this.resources.insert(resource);
		Map<String, Object> payload = new HashMap<>();
		payload.put("action", Action.CREATE.name());
		if (password != null) {
			payload.put("passwordHash", Passwords.hash(password));
		}
		Job job = queue(requestedBy, resource, Action.CREATE, payload, now);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("job", this.json.convertValue(JobView.of(job), Map.class));
		response.put(kind.field(), this.json.convertValue(ResourceView.of(resource), Map.class));
		return response;
	}

	/**
	 * Queues a change of an existing resource.
	 * @param input the action's inputs (sku, server, displayName, ports, ...)
	 * @return the job, plus {@code password} for RESET_PASSWORD (shown once)
	 */
	Map<String, Object> act(String requestedBy, String accountId, String customerId, ResourceKind kind, String id,
			Action action, Map<String, Object> input) {
		this.partners.requireNotSuspended(accountId);
		String password = (action == Action.RESET_PASSWORD) ? Passwords.generate() : null;
		Job job = this.tx.execute((status) -> {
			Instant now = now();
			Resource resource = this.resources.findForUpdate(accountId, customerId, kind, id)
				.orElseThrow(() -> ResourceRules.notFound(kind, accountId, customerId, id));
			if (this.jobs.pending(resource.id())) {
				throw ApiProblem.conflict("RESOURCE_BUSY",
						resource.name() + " has a job in progress; retry when it has finished.");
			}
			Map<String, Object> payload = new HashMap<>(this.rules.check(resource, action, input));
			payload.put("action", action.name());
			if (password != null) {
				payload.put("passwordHash", Passwords.hash(password));
			}
			if (action == Action.DELETE) {
				this.resources.update(resource.with(ResourceState.DELETING, now));
			}
			return queue(requestedBy, resource, action, payload, now);
		});
		@SuppressWarnings("unchecked")
		Map<String, Object> answer = new LinkedHashMap<>(this.json.convertValue(JobView.of(job), Map.class));
		if (password != null) {
			answer.put("password", password);
		}
		return answer;
	}

	private Job queue(String requestedBy, Resource resource, Action action, Map<String, Object> payload, Instant now) {
		Job job = Job.queue(resource.accountId(), resource.customerId(), action.jobType(resource.kind()),
				resource.name(), resource.id(), requestedBy, payload, now);
		this.jobs.insert(job);
		return job;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
