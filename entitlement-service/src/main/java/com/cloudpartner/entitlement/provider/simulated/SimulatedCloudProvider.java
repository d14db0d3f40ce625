package com.cloudpartner.entitlement.provider.simulated;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import com.cloudpartner.entitlement.provider.CloudProvider;
import com.cloudpartner.entitlement.provider.OsImage;
import com.cloudpartner.entitlement.provider.ProviderException;
import com.cloudpartner.entitlement.provider.ProviderResource;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cloud that keeps real state in its own tables ({@code sim_*}), takes
 * {@code operation-delay} per operation, enforces per-customer quotas and fails the
 * operations it is told to fail. Each operation is one transaction: a failure leaves
 * nothing behind, and nothing is reported that did not happen.
 */
@Component
public class SimulatedCloudProvider implements CloudProvider {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final SimulatedFaults faults;

	private final SimulatedProviderProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	SimulatedCloudProvider(JdbcClient jdbc, TransactionTemplate tx, SimulatedFaults faults,
			SimulatedProviderProperties properties, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.faults = faults;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		properties.faults().forEach((f) -> faults.arm(f.operation(), f.count(), f.error(), "Configured failure"));
	}

	@Override
	public ProviderResource createServer(String id, String owner, String sku, String image, String passwordHash) {
		return operation("CREATE_SERVER", () -> {
			Optional<ProviderResource> existing = describe(id);
			if (existing.isPresent()) {
				return existing.get();
			}
			long servers = count("select count(*) from sim_resource where owner = :owner and kind = 'SERVER'", owner);
			if (servers >= this.properties.quotas().serversPerCustomer()) {
				throw new ProviderException("QUOTA_EXCEEDED", "The customer already has " + servers
						+ " servers, the quota is " + this.properties.quotas().serversPerCustomer() + ".");
			}
			insert(id, "SERVER", owner, "RUNNING", sku, null, passwordHash, null, Map.of("image", image));
			return require(id);
		});
	}

	/**
	 * The configured images. The simulation boots whatever image a server names (it keeps
	 * the name and nothing else), so this list is what it declares, not what it checks.
	 */
	@Override
	public List<OsImage> osImages() {
		return this.properties.osImages();
	}

	@Override
	public ProviderResource startServer(String id) {
		return operation("START_SERVER", () -> setState(id, "RUNNING"));
	}

	@Override
	public ProviderResource stopServer(String id) {
		return operation("STOP_SERVER", () -> setState(id, "STOPPED"));
	}

	@Override
	public ProviderResource rebootServer(String id) {
		return operation("REBOOT_SERVER", () -> {
			ProviderResource server = require(id);
			if (!"RUNNING".equals(server.state())) {
				throw new ProviderException("SERVER_NOT_RUNNING", "Only a running server can be rebooted.");
			}
			return server;
		});
	}

	@Override
	public ProviderResource resizeServer(String id, String sku) {
		return operation("RESIZE_SERVER", () -> {
			require(id);
			this.jdbc.sql("update sim_resource set spec = :sku where id = :id")
				.param("sku", sku)
				.param("id", id)
				.update();
			return require(id);
		});
	}

	@Override
	public ProviderResource resetPassword(String id, String passwordHash) {
		return operation("RESET_SERVER_PASSWORD", () -> {
			require(id);
			this.jdbc.sql("update sim_resource set password_hash = :hash where id = :id")
				.param("hash", passwordHash)
				.param("id", id)
				.update();
			return require(id);
		});
	}

	@Override
	public ProviderResource createStorage(String id, String owner, String kind, int sizeGb, String source) {
		return operation("CREATE_" + kind, () -> {
			Optional<ProviderResource> existing = describe(id);
			if (existing.isPresent()) {
				return existing.get();
			}
			if (source != null) {
				require(source);
			}
			if ("DISK".equals(kind)) {
				long used = count(
						"select coalesce(sum(size_gb), 0) from sim_resource where owner = :owner and kind = 'DISK'",
						owner);
				if (used + sizeGb > this.properties.quotas().diskGbPerCustomer()) {
					throw new ProviderException("QUOTA_EXCEEDED", "The customer's disks would total " + (used + sizeGb)
							+ " GB, the quota is " + this.properties.quotas().diskGbPerCustomer() + " GB.");
				}
			}
			insert(id, kind, owner, "ACTIVE", null, sizeGb, null, null,
					(source != null) ? Map.of("source", source) : Map.of());
			return require(id);
		});
	}

	@Override
	public ProviderResource allocate(String id, String owner, String kind, String attachedTo,
			Map<String, Object> settings) {
		return operation("CREATE_" + kind, () -> {
			Optional<ProviderResource> existing = describe(id);
			if (existing.isPresent()) {
				return existing.get();
			}
			if (attachedTo != null) {
				require(attachedTo);
			}
			insert(id, kind, owner, "ACTIVE", null, null, null, attachedTo, settings);
			return require(id);
		});
	}

	@Override
	public ProviderResource attach(String id, String kind, String serverId) {
		return operation(("PUBLIC_IP".equals(kind) ? "ASSIGN_" : "ATTACH_") + kind, () -> {
			ProviderResource resource = require(id);
			require(serverId);
			if (resource.attachedTo() != null && !resource.attachedTo().equals(serverId)) {
				throw new ProviderException("ALREADY_ATTACHED", id + " is attached to " + resource.attachedTo() + ".");
			}
			return setAttachedTo(id, serverId);
		});
	}

	@Override
	public ProviderResource detach(String id, String kind) {
		return operation(("PUBLIC_IP".equals(kind) ? "RELEASE_" : "DETACH_") + kind, () -> {
			require(id);
			return setAttachedTo(id, null);
		});
	}

	@Override
	public ProviderResource configure(String id, String kind, Map<String, Object> settings) {
		return operation("UPDATE_" + kind, () -> {
			require(id);
			this.jdbc.sql("update sim_resource set settings = cast(:settings as jsonb) where id = :id")
				.param("settings", this.json.writeValueAsString(settings))
				.param("id", id)
				.update();
			return require(id);
		});
	}

	@Override
	public ProviderResource setNetworkBlocked(String id, String kind, boolean blocked) {
		return operation((blocked ? "BLOCK_" : "UNBLOCK_") + kind + "_NETWORK", () -> {
			require(id);
			this.jdbc.sql("update sim_resource set network_blocked = :blocked where id = :id")
				.param("blocked", blocked)
				.param("id", id)
				.update();
			return require(id);
		});
	}

	@Override
	public void delete(String id, String kind) {
		operation("DELETE_" + kind, () -> {
			long dependants = count("select count(*) from sim_resource where attached_to = :owner and kind = 'DISK'",
					id);
			if (dependants > 0) {
				throw new ProviderException("DISK_ATTACHED", "Detach the disks of " + id + " first.");
			}
			// a deleted server releases its public IPs and drops its firewall rules
			this.jdbc.sql("update sim_resource set attached_to = null where attached_to = :id and kind = 'PUBLIC_IP'")
				.param("id", id)
				.update();
			this.jdbc.sql("delete from sim_resource where attached_to = :id and kind = 'FIREWALL_RULE'")
				.param("id", id)
				.update();
			this.jdbc.sql("delete from sim_resource where id = :id").param("id", id).update();
			return null;
		});
	}

	@Override
	public void reassign(String id, String owner) {
		this.jdbc.sql("update sim_resource set owner = :owner where id = :id")
			.param("owner", owner)
			.param("id", id)
			.update();
	}

	@Override
	public Optional<ProviderResource> describe(String id) {
		return this.jdbc.sql("""
				select id, kind, state, spec, size_gb, network_blocked, attached_to, settings ->> 'address'
				from sim_resource where id = :id""")
			.param("id", id)
			.query((rs, n) -> new ProviderResource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					(Integer) rs.getObject(5), rs.getBoolean(6), rs.getString(7), rs.getString(8)))
			.optional();
	}

	@Override
	public long egressBytes(String id, Instant from, Instant to) {
		return this.jdbc.sql("""
				select coalesce(sum(egress_bytes), 0) from sim_traffic
				where resource_id = :id and counted_at >= :from and counted_at < :to""")
			.param("id", id)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	@Override
	public long storedBytes(String id, Instant from, Instant to) {
		long during = this.jdbc.sql("""
				select coalesce(max(peak_bytes), 0) from sim_bucket_usage
				where resource_id = :id and counted_at >= :from and counted_at < :to""")
			.param("id", id)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
		return Math.max(during, heldBefore(id, from));
	}

	@Override
	public long requests(String id, Instant from, Instant to) {
		return this.jdbc.sql("""
				select coalesce(sum(requests), 0) from sim_bucket_usage
				where resource_id = :id and counted_at >= :from and counted_at < :to""")
			.param("id", id)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(Long.class)
			.single();
	}

	/** What a bucket held just before an instant: what its last activity left. */
	private long heldBefore(String id, Instant at) {
		return this.jdbc.sql("""
				select end_bytes from sim_bucket_usage where resource_id = :id and counted_at < :at
				order by counted_at desc limit 1""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	@Override
	public List<MetricPoint> metrics(String id, String metric, Instant from, Instant to) {
		ProviderResource resource = describe(id)
			.orElseThrow(() -> new ProviderException("NOT_FOUND", "The provider holds no " + id + "."));
		List<MetricPoint> points = new ArrayList<>();
		for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to)
				&& points.size() < 24 * 31; hour = hour.plus(Duration.ofHours(1))) {
			double value = switch (metric) {
				case "traffic" -> egressBytes(id, hour, hour.plus(Duration.ofHours(1)));
				case "cpu", "memory", "disk" -> "STOPPED".equals(resource.state()) ? 0 : synthetic(id, metric, hour);
				default -> throw new ProviderException("UNKNOWN_METRIC", "There is no metric " + metric + ".");
			};
			points.add(new MetricPoint(hour, value));
		}
		return points;
	}

	/**
	 * Counts egress of a server or load balancer now (operator endpoint). Counters keep
	 * the instant, so usage can be told apart on either side of any instant (a transfer
	 * to another partner).
	 */
	void countEgress(String id, long bytes) {
		if (describe(id).isEmpty()) {
			throw ApiProblem.notFound("PROVIDER_RESOURCE_NOT_FOUND", "The simulated cloud holds no " + id + ".");
		}
		this.jdbc
			.sql("""
					insert into sim_traffic (resource_id, counted_at, egress_bytes) values (:id, :at, :bytes)
					on conflict (resource_id, counted_at) do update set egress_bytes = sim_traffic.egress_bytes + excluded.egress_bytes""")
			.param("id", id)
			.param("at", Timestamp.from(this.clock.instant().truncatedTo(ChronoUnit.MICROS)))
			.param("bytes", bytes)
			.update();
	}

	/**
	 * Object storage activity in a bucket now (operator endpoint): bytes written and
	 * deleted, and the requests that did it plus any reads. A bucket never holds less
	 * than nothing: deleting more than it holds is refused.
	 * @return the bytes the bucket holds now
	 */
	long countStorage(String id, long bytesWritten, long bytesDeleted, long requests) {
		return this.tx.execute((status) -> {
			ProviderResource bucket = describe(id).orElseThrow(() -> ApiProblem.notFound("PROVIDER_RESOURCE_NOT_FOUND",
					"The simulated cloud holds no " + id + "."));
			if (!"BUCKET".equals(bucket.kind())) {
				throw ApiProblem.conflict("NOT_A_BUCKET", id + " is a " + bucket.kind() + ", not a bucket.");
			}
			// one writer per bucket at a time: the counters are read, then written
			this.jdbc.sql("select id from sim_resource where id = :id for update")
				.param("id", id)
				.query(String.class)
				.single();
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
			long held = this.jdbc.sql("""
					select end_bytes from sim_bucket_usage where resource_id = :id and counted_at <= :now
					order by counted_at desc limit 1""")
				.param("id", id)
				.param("now", Timestamp.from(now))
				.query(Long.class)
				.optional()
				.orElse(0L);
			long peak;
			try {
				peak = Math.addExact(held, bytesWritten);
			}
			catch (ArithmeticException ex) {
				throw ApiProblem.conflict("BUCKET_FULL", "The bucket cannot hold " + bytesWritten + " more bytes.");
			}
			long after = peak - bytesDeleted;
			if (after < 0) {
				throw ApiProblem.conflict("BUCKET_HOLDS_LESS",
						"The bucket holds " + peak + " bytes; " + bytesDeleted + " cannot be deleted.");
			}
			this.jdbc.sql("""
					insert into sim_bucket_usage (resource_id, counted_at, peak_bytes, end_bytes, requests)
					values (:id, :now, :peak, :after, :requests)
					on conflict (resource_id, counted_at) do update set
					    peak_bytes = greatest(sim_bucket_usage.peak_bytes, excluded.peak_bytes),
					    end_bytes = excluded.end_bytes, requests = sim_bucket_usage.requests + excluded.requests""")
				.param("id", id)
				.param("now", Timestamp.from(now))
				.param("peak", peak)
				.param("after", after)
				.param("requests", requests)
				.update();
			return after;
		});
	}

	/** A stable pseudo-random percentage per resource, metric and hour. */
	private static double synthetic(String id, String metric, Instant hour) {
		int hash = (id + metric + hour.getEpochSecond()).hashCode();
		return Math.floorMod(hash, 9000) / 100.0 + 5;
	}

	private <T> T operation(String name, Supplier<T> work) {
		sleep(this.properties.operationDelay());
		this.faults.take(name).ifPresent((armed) -> {
			throw new ProviderException(armed.code(), armed.message());
		});
		return this.tx.execute((status) -> work.get());
	}

	private ProviderResource setState(String id, String state) {
		require(id);
		this.jdbc.sql("update sim_resource set state = :state where id = :id")
			.param("state", state)
			.param("id", id)
			.update();
		return require(id);
	}

	private ProviderResource setAttachedTo(String id, String serverId) {
		this.jdbc.sql("update sim_resource set attached_to = :server where id = :id")
			.param("server", serverId)
			.param("id", id)
			.update();
		return require(id);
	}

	private ProviderResource require(String id) {
		return describe(id).orElseThrow(() -> new ProviderException("NOT_FOUND", "The provider holds no " + id + "."));
	}

	private long count(String sql, String owner) {
		return this.jdbc.sql(sql).param("owner", owner).query(Long.class).single();
	}

	private void insert(String id, String kind, String owner, String state, String spec, Integer sizeGb,
			String passwordHash, String attachedTo, Map<String, Object> settings) {
		Map<String, Object> stored = new java.util.HashMap<>(settings);
		if ("PUBLIC_IP".equals(kind) || "LOAD_BALANCER".equals(kind)) {
			int hash = Math.floorMod(id.hashCode(), 250 * 250);
			stored.put("address", "203.0." + (hash / 250 + 1) % 256 + "." + (hash % 250 + 1));
		}
		this.jdbc.sql("""
				insert into sim_resource (id, kind, owner, state, spec, size_gb, password_hash, attached_to, settings,
				    create_time) values (:id, :kind, :owner, :state, :spec, :size, :hash, :attachedTo,
				    cast(:settings as jsonb), :now)""")
			.param("id", id)
			.param("kind", kind)
			.param("owner", owner)
			.param("state", state)
			.param("spec", spec)
			.param("size", sizeGb)
			.param("hash", passwordHash)
			.param("attachedTo", attachedTo)
			.param("settings", this.json.writeValueAsString(stored))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	private static void sleep(Duration delay) {
		if (delay.isZero() || delay.isNegative()) {
			return;
		}
		try {
			Thread.sleep(delay);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProviderException("INTERRUPTED", "The operation was interrupted before it started.");
		}
	}

}
