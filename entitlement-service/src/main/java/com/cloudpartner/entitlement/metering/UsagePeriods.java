package com.cloudpartner.entitlement.metering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.cloudpartner.entitlement.metering.HourHolders.Stretch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The billable history of resources: one period per stretch with the same owner, SKU and
 * size. Whoever changes a resource calls {@link #sync} in the same transaction, so the
 * meter can tell, for any past hour, whether a resource was billable and whose it was.
 */
@Repository
public class UsagePeriods {

	private final JdbcClient jdbc;

	UsagePeriods(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Brings the resource's open period in line with its current facts: opens one when it
	 * became billable, closes it when it stopped being billable, and closes and reopens
	 * it when the owner, SKU or size changed.
	 * @param now the instant of the change
	 */
	public void sync(Billable current, Instant now) {
		Optional<Period> open = open(current.resourceId());
		if (open.isPresent() && current.billable() && open.get().facts().equals(current.facts())) {
			return;
		}
		open.ifPresent((p) -> close(p, now));
		if (current.billable()) {
			this.jdbc
				.sql("""
						insert into usage_period (resource_id, started_at, account_id, customer_id, entitlement_id, kind,
						    sku, size_gb, location)
						values (:id, :now, :account, :customer, :entitlement, :kind, :sku, :size, :location)
						on conflict (resource_id, started_at) do update set account_id = excluded.account_id,
						    customer_id = excluded.customer_id, entitlement_id = excluded.entitlement_id,
						    sku = excluded.sku, size_gb = excluded.size_gb, location = excluded.location, ended_at = null""")
				.param("id", current.resourceId())
				.param("now", Timestamp.from(now))
				.param("account", current.facts().accountId())
				.param("customer", current.facts().customerId())
				.param("entitlement", current.facts().entitlementId())
				.param("kind", current.kind())
				.param("sku", current.facts().sku())
				.param("size", current.facts().sizeGb(), java.sql.Types.INTEGER)
				.param("location", current.facts().location(), java.sql.Types.VARCHAR)
				.update();
		}
	}

	private Optional<Period> open(String resourceId) {
		return this.jdbc.sql("""
				select resource_id, started_at, account_id, customer_id, entitlement_id, sku, size_gb, location
				from usage_period where resource_id = :id and ended_at is null for update""")
			.param("id", resourceId)
			.query((rs, n) -> new Period(rs.getString(1), rs.getTimestamp(2).toInstant(),
					new Facts(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
							(Integer) rs.getObject(7), rs.getString(8))))
			.optional();
	}

	private void close(Period period, Instant now) {
		this.jdbc.sql("update usage_period set ended_at = :now where resource_id = :id and started_at = :started")
			.param("now", Timestamp.from(now.isBefore(period.startedAt()) ? period.startedAt() : now))
			.param("id", period.resourceId())
			.param("started", Timestamp.from(period.startedAt()))
			.update();
	}

	/**
	 * The resources billable in [from, to), each with its holders in it (two in the hour
	 * a customer is transferred in), first holder first.
	 */
	List<Overlap> overlapping(Instant from, Instant to) {
		List<Overlap> overlaps = new ArrayList<>();
		String resource = null;
		String kind = null;
		List<Stretch> stretches = new ArrayList<>();
		for (Row row : this.jdbc.sql("""
				select resource_id, kind, account_id, customer_id, entitlement_id, sku, size_gb, location, started_at,
				    ended_at
				from usage_period where started_at < :to and (ended_at is null or ended_at > :from)
				order by resource_id, started_at""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2),
					new Stretch(facts(rs, 3), max(rs.getTimestamp(9).toInstant(), from),
							(rs.getTimestamp(10) != null) ? min(rs.getTimestamp(10).toInstant(), to) : to)))
			.list()) {
			if (!row.resourceId().equals(resource)) {
				if (resource != null) {
					overlaps.add(new Overlap(resource, kind, HourHolders.of(stretches, from, to)));
				}
				resource = row.resourceId();
				kind = row.kind();
				stretches = new ArrayList<>();
			}
			stretches.add(row.stretch());
		}
		if (resource != null) {
			overlaps.add(new Overlap(resource, kind, HourHolders.of(stretches, from, to)));
		}
		return overlaps;
	}

	/**
	 * Per resource billable in [from, to), the owner that held it first in it: the owner
	 * at the start of a billing day, for DAY meters.
	 */
	Map<String, Facts> firstOwners(Instant from, Instant to) {
		Map<String, Facts> owners = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (resource_id) resource_id, account_id, customer_id, entitlement_id, sku, size_gb,
				    location
				from usage_period where started_at < :to and (ended_at is null or ended_at > :from)
				order by resource_id, started_at""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs) -> {
				owners.put(rs.getString(1), facts(rs, 2));
			});
		return owners;
	}

	private static Facts facts(ResultSet rs, int first) throws SQLException {
		return new Facts(rs.getString(first), rs.getString(first + 1), rs.getString(first + 2), rs.getString(first + 3),
				(Integer) rs.getObject(first + 4), rs.getString(first + 5));
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	Optional<Instant> earliestStart() {
		return this.jdbc.sql("select min(started_at) from usage_period")
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/**
	 * What decides a resource's usage: who owns it and what is billed.
	 *
	 * @param accountId the owning partner
	 * @param customerId the customer
	 * @param entitlementId the entitlement it is billed under
	 * @param sku the SKU's resource name
	 * @param sizeGb size for GB meters
	 * @param location the region or zone it runs in, null if it was created before
	 * resources had one
	 */
	public record Facts(String accountId, String customerId, String entitlementId, String sku, Integer sizeGb,
			String location) {

		public Facts {
			Objects.requireNonNull(accountId);
		}

		boolean sameOwner(Facts other) {
			return this.accountId.equals(other.accountId) && Objects.equals(this.customerId, other.customerId)
					&& Objects.equals(this.entitlementId, other.entitlementId);
		}

	}

	/**
	 * A resource's current facts.
	 *
	 * @param resourceId the resource id
	 * @param kind SERVER, DISK, ...
	 * @param billable whether it is billed now
	 * @param facts owner, SKU and size
	 */
	public record Billable(String resourceId, String kind, boolean billable, Facts facts) {
	}

	record Period(String resourceId, Instant startedAt, Facts facts) {
	}

	/**
	 * A resource billable during an hour, with who held it in the hour.
	 *
	 * @param resourceId the resource id
	 * @param kind SERVER, DISK, ...
	 * @param holders its owners in the hour, first first: one unless it changed owner in
	 * the hour
	 */
	record Overlap(String resourceId, String kind, List<HourHolders.Holder> holders) {
	}

	private record Row(String resourceId, String kind, Stretch stretch) {
	}

}
