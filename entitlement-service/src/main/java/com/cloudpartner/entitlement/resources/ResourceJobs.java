package com.cloudpartner.entitlement.resources;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.cloudpartner.entitlement.jobs.Job;
import com.cloudpartner.entitlement.jobs.JobExecutor;
import com.cloudpartner.entitlement.jobs.JobOutcome;
import com.cloudpartner.entitlement.metering.UsagePeriods;
import com.cloudpartner.entitlement.provider.CloudProvider;
import com.cloudpartner.entitlement.provider.ProviderException;
import com.cloudpartner.entitlement.provider.ProviderResource;

import org.springframework.stereotype.Component;

/**
 * Performs resource jobs against the {@link CloudProvider} and records what the provider
 * reports: on success its answer, on failure its current truth (a failed create leaves
 * the resource in ERROR, holding nothing at the provider and billing nothing).
 */
@Component
class ResourceJobs implements JobExecutor {

	private final Resources resources;

	private final CloudProvider provider;

	private final UsagePeriods periods;

	private final Clock clock;

	ResourceJobs(Resources resources, CloudProvider provider, UsagePeriods periods, Clock clock) {
		this.resources = resources;
		this.provider = provider;
		this.periods = periods;
		this.clock = clock;
	}

	@Override
	public JobOutcome execute(Job job) {
		Resource resource = this.resources.findById(job.resourceId(), false).orElseThrow();
		Action action = Action.valueOf(job.text("action"));
		try {
			ProviderResource result = perform(resource, action, job);
			return JobOutcome.success(() -> succeeded(job.resourceId(), action, job, result));
		}
		catch (ProviderException ex) {
			return JobOutcome.failure(ex.code(), ex.getMessage(), () -> failed(job.resourceId(), action, ex));
		}
	}

	@Override
	public void abandon(Job job) {
		failed(job.resourceId(), Action.valueOf(job.text("action")),
				new ProviderException("JOB_TIMED_OUT", "The job did not finish."));
	}

	private ProviderResource perform(Resource r, Action action, Job job) {
		String kind = r.kind().name();
		String owner = r.customerName();
		return switch (action) {
			case CREATE -> switch (r.kind()) {
				case SERVER ->
					this.provider.createServer(r.id(), owner, r.sku(), r.attribute("image"), job.text("passwordHash"));
				case DISK, SNAPSHOT, IMAGE, BUCKET -> this.provider.createStorage(r.id(), owner, kind,
						(r.sizeGb() != null) ? r.sizeGb() : 0, r.attribute("source"));
				case FIREWALL_RULE -> this.provider.allocate(r.id(), owner, kind, r.parentId(), r.attributes());
				case PUBLIC_IP, LOAD_BALANCER -> this.provider.allocate(r.id(), owner, kind, null, r.attributes());
			};
			case DELETE -> {
				if (r.providerId() != null) {
					this.provider.delete(r.id(), kind);
				}
				yield null;
			}
			case RENAME -> this.provider.describe(r.id()).orElse(null);
			case START -> this.provider.startServer(r.id());
			case STOP -> this.provider.stopServer(r.id());
			case REBOOT -> this.provider.rebootServer(r.id());
			case RESIZE -> this.provider.resizeServer(r.id(), job.text("sku"));
			case RESET_PASSWORD -> this.provider.resetPassword(r.id(), job.text("passwordHash"));
			case BLOCK_NETWORK -> this.provider.setNetworkBlocked(r.id(), kind, true);
			case UNBLOCK_NETWORK -> this.provider.setNetworkBlocked(r.id(), kind, false);
			case ATTACH, ASSIGN -> this.provider.attach(r.id(), kind, job.text("server"));
			case DETACH, RELEASE -> this.provider.detach(r.id(), kind);
			case UPDATE -> this.provider.configure(r.id(), kind, job.payload());
		};
	}

	private void succeeded(String resourceId, Action action, Job job, ProviderResource result) {
		Instant now = now();
		Resource r = this.resources.findById(resourceId, true).orElseThrow();
		if (action == Action.DELETE) {
			record(r.with(r.sku(), r.displayName(), r.sizeGb(), Map.of(), r.providerId(), null, ResourceState.DELETED,
					now), now);
			if (r.kind() == ResourceKind.SERVER) {
				releaseBound(r, now);
			}
			return;
		}
		Map<String, Object> changes = new HashMap<>();
		if (action == Action.UPDATE) {
			changes.putAll(job.payload());
			changes.remove("action");
		}
		String displayName = (action == Action.RENAME) ? job.text("displayName") : r.displayName();
		record(apply(r, result, displayName, changes, null, now), now);
	}

	private void failed(String resourceId, Action action, ProviderException ex) {
		Instant now = now();
		Resource r = this.resources.findById(resourceId, true).orElseThrow();
		String error = ex.code() + ": " + ex.getMessage();
		Optional<ProviderResource> truth = (r.providerId() != null || action != Action.CREATE)
				? this.provider.describe(r.id()) : Optional.empty();
		if (truth.isPresent()) {
			record(apply(r, truth.get(), r.displayName(), Map.of(), error, now), now);
		}
		else if (action == Action.DELETE && r.providerId() == null) {
			record(r.with(r.sku(), r.displayName(), r.sizeGb(), Map.of(), null, error, ResourceState.DELETED, now),
					now);
		}
		else {
			// the provider holds nothing of it: a failed create, or the provider lost it
			record(r.with(r.sku(), r.displayName(), r.sizeGb(), Map.of(), null, error, ResourceState.ERROR, now), now);
		}
	}

	private Resource apply(Resource r, ProviderResource p, String displayName, Map<String, Object> changes,
			String error, Instant now) {
		if (p == null) {
			return r.with(r.sku(), displayName, r.sizeGb(), changes, r.providerId(), error, r.state(), now);
		}
		Map<String, Object> facts = new HashMap<>(changes);
		facts.put("server", p.attachedTo());
		facts.put("address", p.address());
		facts.put("networkBlocked", p.networkBlocked());
		if (r.kind() == ResourceKind.FIREWALL_RULE) {
			facts.put("server", null);
		}
		ResourceState state = "STOPPED".equals(p.state()) ? ResourceState.STOPPED
				: (r.kind() == ResourceKind.SERVER) ? ResourceState.RUNNING : ResourceState.ACTIVE;
		String sku = (p.sku() != null) ? p.sku() : r.sku();
		Integer size = (p.sizeGb() != null) ? p.sizeGb() : r.sizeGb();
		return r.with(sku, displayName, size, facts, p.id(), error, state, now);
	}

	/**
	 * A deleted server's public IPs are released and its firewall rules gone (the
	 * provider did both).
	 */
	private void releaseBound(Resource server, Instant now) {
		for (Resource bound : this.resources.boundTo(server.id())) {
			if (bound.kind() == ResourceKind.FIREWALL_RULE) {
				record(bound.with(ResourceState.DELETED, now), now);
			}
			else {
				Map<String, Object> unbound = new HashMap<>();
				unbound.put("server", null);
				record(bound.with(bound.sku(), bound.displayName(), bound.sizeGb(), unbound, bound.providerId(),
						bound.error(), bound.state(), now), now);
			}
		}
	}

	private void record(Resource r, Instant now) {
		this.resources.update(r);
		this.periods.sync(Billing.of(r), now);
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
