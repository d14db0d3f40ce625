package com.cloudpartner.billing.pricebook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the history of entitlements that entitlement-events told billing: the offer and
 * state of each from its effective time on.
 */
@Repository
public class EntitlementHistory {

	private final JdbcClient jdbc;

	EntitlementHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The histories of the entitlements of an account. */
	public Versions of(String accountId) {
		return ofAll(List.of(accountId)).getOrDefault(accountId, Versions.NONE);
	}

	/** The histories of the entitlements of several accounts, in one query. */
	public Map<String, Versions> ofAll(Collection<String> accountIds) {
		Map<String, List<Version>> byAccount = new HashMap<>();
		this.jdbc.sql("""
				select account_id, entitlement_id, effective_from, offer, state from entitlement_version
				where account_id = any(:accounts) order by account_id, entitlement_id, effective_from""")
			.param("accounts", accountIds.toArray(String[]::new))
			.query((rs, n) -> byAccount.computeIfAbsent(rs.getString(1), (a) -> new ArrayList<>())
				.add(new Version(rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
						rs.getString(5))))
			.list();
		Map<String, Versions> histories = new HashMap<>();
		byAccount.forEach((account, versions) -> histories.put(account, new Versions(versions)));
		return histories;
	}

	/**
	 * Every version of the named entitlements, whichever account and customer they were
	 * known under, in one query: what the usage API checks a batch against, both whether
	 * the usage could be charged and whose the entitlement is.
	 */
	public List<Owned> ofEntitlementIds(Collection<String> entitlementIds) {
		return this.jdbc.sql("""
				select account_id, customer_id, entitlement_id, effective_from, offer, state from entitlement_version
				where entitlement_id = any(:entitlements)""")
			.param("entitlements", entitlementIds.toArray(String[]::new))
			.query((rs, n) -> new Owned(rs.getString(1), rs.getString(2),
					new Version(rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5),
							rs.getString(6))))
			.list();
	}

	/** The histories per account of these versions. */
	public static Map<String, Versions> byAccount(Collection<Owned> versions) {
		Map<String, List<Version>> byAccount = new HashMap<>();
		for (Owned owned : versions) {
			byAccount.computeIfAbsent(owned.accountId(), (a) -> new ArrayList<>()).add(owned.version());
		}
		Map<String, Versions> histories = new HashMap<>();
		byAccount.forEach((account, list) -> histories.put(account, new Versions(list)));
		return histories;
	}

	/**
	 * A version of an entitlement with the account and customer it was known under.
	 *
	 * @param accountId the account
	 * @param customerId the customer
	 * @param version the version
	 */
	public record Owned(String accountId, String customerId, Version version) {
	}

	/**
	 * One entitlement's terms from a time on.
	 *
	 * @param entitlementId the entitlement
	 * @param effectiveFrom from when
	 * @param offer its offer's resource name, or {@code null}
	 * @param state ACTIVE, SUSPENDED, CANCELLED or TRANSFERRED
	 */
	public record Version(String entitlementId, Instant effectiveFrom, String offer, String state) {

		/** Whether the entitlement has ended: no usage may start after this version. */
		public boolean ended() {
			return "CANCELLED".equals(this.state) || "TRANSFERRED".equals(this.state);
		}

	}

	/** The versions of an account's entitlements. */
	public static final class Versions {

		public static final Versions NONE = new Versions(List.of());

		private final Map<String, List<Version>> byEntitlement = new HashMap<>();

		Versions(List<Version> versions) {
			for (Version version : versions) {
				this.byEntitlement.computeIfAbsent(version.entitlementId(), (e) -> new ArrayList<>()).add(version);
			}
			this.byEntitlement.values().forEach((list) -> list.sort(Comparator.comparing(Version::effectiveFrom)));
		}

		/**
		 * The version in force at an instant: the latest effective at or before it, else
		 * the first (usage in the hour an entitlement was created, before its creation).
		 */
		public Optional<Version> at(String entitlementId, Instant at) {
			List<Version> versions = this.byEntitlement.get(entitlementId);
			if (versions == null || versions.isEmpty()) {
				return Optional.empty();
			}
			Version inForce = versions.getFirst();
			for (Version version : versions) {
				if (!version.effectiveFrom().isAfter(at)) {
					inForce = version;
				}
			}
			return Optional.of(inForce);
		}

		/** The offer of an entitlement at an instant, or {@code null} when unknown. */
		public String offerAt(String entitlementId, Instant at) {
			return at(entitlementId, at).map(Version::offer).orElse(null);
		}

		/**
		 * The instants strictly between two where an entitlement's offer changes: rating
		 * splits the month there.
		 */
		public List<Instant> offerChanges(Instant from, Instant to) {
			List<Instant> changes = new ArrayList<>();
			for (List<Version> versions : this.byEntitlement.values()) {
				for (int i = 1; i < versions.size(); i++) {
					Version version = versions.get(i);
					boolean changed = !java.util.Objects.equals(versions.get(i - 1).offer(), version.offer());
					if (changed && version.effectiveFrom().isAfter(from) && version.effectiveFrom().isBefore(to)) {
						changes.add(version.effectiveFrom());
					}
				}
			}
			return changes;
		}

	}

}
