package com.cloudpartner.billing.usage;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.cloudpartner.billing.pricebook.EntitlementHistory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether usage stays inside its tenant (decisions 0057 and 0073): a usage event names
 * its account, customer, entitlement and resource, and the usage API refuses, per event
 * with a stable reason, one that crosses into another tenant:
 * <ul>
 * <li>{@code SUBJECT_NOT_OF_CUSTOMER}: the subject (the resource) is not under
 * {@code accounts/{accountId}/customers/{customerId}/};</li>
 * <li>{@code CUSTOMER_NOT_FOUND}: billing knows the customer, but of other accounts
 * only;</li>
 * <li>{@code ENTITLEMENT_NOT_FOUND}: the entitlement is not one of this account and
 * customer.</li>
 * </ul>
 * Billing first asks its projections: customers from {@code partner-events}, and the
 * owners of entitlements from {@code entitlement-events} (the versions the ratability
 * check read for the batch: one read of {@code entitlement_version}, not two). An
 * entitlement they do not know (its {@code entitlement.created} may be on the way) is
 * confirmed at entitlement-service, its owner, in one call per batch and account, unless
 * it was confirmed lately; a confirmed entitlement confirms its customer too
 * (entitlement-service created it for a customer it had checked). When
 * entitlement-service cannot answer, the batch is refused with 503.
 */
@Component
class UsageOwnership {

	private final JdbcClient jdbc;

	private final EntitlementServiceClient entitlementService;

	private final ConfirmedEntitlements confirmed;

	UsageOwnership(JdbcClient jdbc, EntitlementServiceClient entitlementService, ConfirmedEntitlements confirmed) {
		this.jdbc = jdbc;
		this.entitlementService = entitlementService;
		this.confirmed = confirmed;
	}

	/**
	 * The owners a batch's customers and entitlements have: those of billing's
	 * projections (one query for the customers; the entitlements' versions as read for
	 * the batch), then entitlement-service's answer for the entitlements the projections
	 * do not know.
	 * @param authorization the reporter's Authorization header, for entitlement-service
	 * @param versions every version billing knows of the batch's entitlements
	 * ({@link EntitlementHistory#ofEntitlementIds})
	 * @throws com.cloudpartner.support.problem.ApiProblem 503 when an entitlement needs
	 * entitlement-service and it cannot answer
	 */
	Owners prepare(Collection<UsageEvent> events, String authorization, Collection<EntitlementHistory.Owned> versions) {
		Owners owners = known(events, versions);
		confirmUnknown(events, owners, authorization);
		return owners;
	}

	private Owners known(Collection<UsageEvent> events, Collection<EntitlementHistory.Owned> versions) {
		Set<String> customers = new LinkedHashSet<>();
		for (UsageEvent event : events) {
			customers.add(event.customerId());
		}
		Map<String, Set<String>> customerAccounts = new HashMap<>();
		Map<String, Set<String>> entitlementOwners = new HashMap<>();
		if (events.isEmpty()) {
			return new Owners(customerAccounts, entitlementOwners);
		}
		// each customer's accounts in its entitlement versions, by a loose index
		// scan of entitlement_version_by_customer: a probe per account found and
		// one more per customer, not every version (a customer with thousands of
		// entitlements made every batch naming it read them all: 96 ms a batch of
		// 500 in the ingestion benchmark with 100,000 resources)
		this.jdbc.sql("""
				with recursive known(customer_id, account_id) as (
				    select c.customer_id, (select min(v.account_id) from entitlement_version v
				        where v.customer_id = c.customer_id)
				    from unnest(cast(:customers as text[])) as c(customer_id)
				    union all
				    select k.customer_id, (select min(v.account_id) from entitlement_version v
				        where v.customer_id = k.customer_id and v.account_id > k.account_id)
				    from known k where k.account_id is not null)
				select customer_id, account_id from customer where customer_id = any(:customers)
				union select customer_id, account_id from known where account_id is not null""")
			.param("customers", customers.toArray(String[]::new))
			.query((rs, n) -> customerAccounts.computeIfAbsent(rs.getString(1), (c) -> new HashSet<>())
				.add(rs.getString(2)))
			.list();
		for (EntitlementHistory.Owned owned : versions) {
			entitlementOwners.computeIfAbsent(owned.version().entitlementId(), (e) -> new HashSet<>())
				.add(owner(owned.accountId(), owned.customerId()));
		}
		return new Owners(customerAccounts, entitlementOwners);
	}

	/**
	 * Adds to the owners the entitlements that entitlement-service confirms for their
	 * events' account and customer, for the events that only an unknown entitlement keeps
	 * from being decided: one call per account (a reporter's batch has one).
	 */
	private void confirmUnknown(Collection<UsageEvent> events, Owners owners, String authorization) {
		Map<String, Set<EntitlementServiceClient.Named>> unknown = new LinkedHashMap<>();
		for (UsageEvent event : events) {
			if (owners.entitlementOwners().containsKey(event.entitlementId())
					|| refusalBeforeEntitlement(event, owners) != null) {
				continue;
			}
			if (this.confirmed.contains(event.accountId(), event.customerId(), event.entitlementId())) {
				owners.confirm(event.accountId(), event.customerId(), event.entitlementId());
				continue;
			}
			unknown.computeIfAbsent(event.accountId(), (a) -> new LinkedHashSet<>())
				.add(new EntitlementServiceClient.Named(event.customerId(), event.entitlementId()));
		}
		unknown.forEach((accountId, named) -> {
			for (EntitlementServiceClient.Named found : this.entitlementService.existing(accountId, named,
					authorization)) {
				if (named.contains(found)) {
					this.confirmed.add(accountId, found.customerId(), found.entitlementId());
					owners.confirm(accountId, found.customerId(), found.entitlementId());
				}
			}
		});
	}

	/**
	 * {@code null} when the event stays in its tenant, else the reason for refusing it.
	 */
	String refusal(UsageEvent event, Owners owners) {
		String refusal = refusalBeforeEntitlement(event, owners);
		if (refusal != null) {
			return refusal;
		}
		Set<String> entitled = owners.entitlementOwners().get(event.entitlementId());
		if (entitled == null || !entitled.contains(owner(event.accountId(), event.customerId()))) {
			return "ENTITLEMENT_NOT_FOUND: there is no entitlement accounts/" + event.accountId() + "/customers/"
					+ event.customerId() + "/entitlements/" + event.entitlementId();
		}
		return null;
	}

	private static String refusalBeforeEntitlement(UsageEvent event, Owners owners) {
		String customer = "accounts/" + event.accountId() + "/customers/" + event.customerId();
		if (!event.subject().startsWith(customer + "/")) {
			return "SUBJECT_NOT_OF_CUSTOMER: the subject " + event.subject() + " is not a resource of " + customer;
		}
		Set<String> accounts = owners.customerAccounts().get(event.customerId());
		if (accounts != null && !accounts.contains(event.accountId())) {
			return "CUSTOMER_NOT_FOUND: there is no customer " + customer;
		}
		return null;
	}

	private static String owner(String accountId, String customerId) {
		return accountId + "\u0000" + customerId;
	}

	/**
	 * What billing knows of the batch's customers and entitlements.
	 *
	 * @param customerAccounts per customer id, the accounts it is known under
	 * @param entitlementOwners per entitlement id, the account and customer pairs it is
	 * known under (in billing's projections or confirmed by entitlement-service)
	 */
	record Owners(Map<String, Set<String>> customerAccounts, Map<String, Set<String>> entitlementOwners) {

		void confirm(String accountId, String customerId, String entitlementId) {
			this.entitlementOwners.computeIfAbsent(entitlementId, (e) -> new HashSet<>())
				.add(owner(accountId, customerId));
		}

	}

}
