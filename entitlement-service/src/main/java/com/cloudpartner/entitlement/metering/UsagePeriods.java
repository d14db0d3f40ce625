package com.cloudpartner.entitlement.metering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The billable history of resources: one period per stretch with the same owner, SKU and
 * size. Whoever changes a resource calls {@link #sync} in the same transaction, so the
 * meter can tell, for any past hour, whether a resource was billable and whose it was.
 */
@Repository
public class UsagePeriods {

	private static final int SHARE_SCALE = 12;

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
	 * The resources billable in [from, to), one entry per owner that held each in it (two
	 * in the hour a customer is transferred in), oldest owner first, each with the facts
	 * that held last under that owner.
	 */
	List<Overlap> overlapping(Instant from, Instant to) {
		List<Stretch> stretches = this.jdbc.sql("""
				select resource_id, kind, account_id, customer_id, entitlement_id, sku, size_gb, location, started_at,
				    ended_at
				from usage_period where started_at < :to and (ended_at is null or ended_at > :from)
				order by resource_id, started_at""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new Stretch(rs.getString(1), rs.getString(2),
					new Facts(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
							(Integer) rs.getObject(7), rs.getString(8)),
					Duration.between(max(rs.getTimestamp(9).toInstant(), from),
							(rs.getTimestamp(10) != null) ? min(rs.getTimestamp(10).toInstant(), to) : to)))
			.list();
		List<Overlap> overlaps = new ArrayList<>();
		int i = 0;
		while (i < stretches.size()) {
			String resource = stretches.get(i).resourceId();
			List<Overlap> owners = new ArrayList<>();
			List<Duration> held = new ArrayList<>();
			for (; i < stretches.size() && stretches.get(i).resourceId().equals(resource); i++) {
				Stretch s = stretches.get(i);
				int last = owners.size() - 1;
				if (last >= 0 && owners.get(last).facts().sameOwner(s.facts())) {
					owners.set(last, new Overlap(resource, s.kind(), s.facts(), BigDecimal.ONE, false));
					held.set(last, held.get(last).plus(s.held()));
				}
				else {
					owners.add(new Overlap(resource, s.kind(), s.facts(), BigDecimal.ONE, false));
					held.add(s.held());
				}
			}
			long total = held.stream().mapToLong(Duration::toMillis).sum();
			for (int k = 0; k < owners.size(); k++) {
				Overlap o = owners.get(k);
				BigDecimal share = (owners.size() == 1 || total == 0) ? BigDecimal.ONE
						: BigDecimal.valueOf(held.get(k).toMillis())
							.divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_EVEN);
				overlaps.add(new Overlap(resource, o.kind(), o.facts(), share, k == owners.size() - 1));
			}
		}
		return overlaps;
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
	 * A resource billable during an hour under one owner, with the facts that held last
	 * under that owner.
	 *
	 * @param resourceId the resource id
	 * @param kind SERVER, DISK, ...
	 * @param facts owner, SKU and size
	 * @param share the part of the resource's billable time in the hour this owner held
	 * it: 1 unless the resource changed owner in the hour
	 * @param last whether this owner held it last in the hour (counters that cannot be
	 * split at an instant, such as traffic, go to this owner)
	 */
	record Overlap(String resourceId, String kind, Facts facts, BigDecimal share, boolean last) {
	}

	private record Stretch(String resourceId, String kind, Facts facts, Duration held) {
	}

}
