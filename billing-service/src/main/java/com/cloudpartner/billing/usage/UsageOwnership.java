package com.cloudpartner.billing.usage;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether usage stays inside its tenant (decision 0057): a usage event names its account,
 * customer, entitlement and resource, and the usage API refuses, per event with a stable
 * reason, one that crosses into another tenant:
 * <ul>
 * <li>{@code SUBJECT_NOT_OF_CUSTOMER}: the subject (the resource) is not under
 * {@code accounts/{accountId}/customers/{customerId}/};</li>
 * <li>{@code CUSTOMER_NOT_FOUND}: billing knows the customer, but of other accounts
 * only;</li>
 * <li>{@code ENTITLEMENT_NOT_FOUND}: billing knows the entitlement, but not of this
 * account and customer.</li>
 * </ul>
 * Known means in billing's projections: customers from {@code partner-events}, and the
 * owners of entitlements from {@code entitlement-events}.
 */
@Component
class UsageOwnership {

	private final JdbcClient jdbc;

	UsageOwnership(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The owners a batch's customers and entitlements are known to have, in two queries.
	 */
	Owners prepare(Collection<UsageEvent> events) {
		Set<String> customers = new LinkedHashSet<>();
		Set<String> entitlements = new LinkedHashSet<>();
		for (UsageEvent event : events) {
			customers.add(event.customerId());
			entitlements.add(event.entitlementId());
		}
		Map<String, Set<String>> customerAccounts = new HashMap<>();
		Map<String, Set<String>> entitlementOwners = new HashMap<>();
		if (events.isEmpty()) {
			return new Owners(customerAccounts, entitlementOwners);
		}
		this.jdbc.sql("""
				select customer_id, account_id from customer where customer_id = any(:customers)
				union select customer_id, account_id from entitlement_version where customer_id = any(:customers)""")
			.param("customers", customers.toArray(String[]::new))
			.query((rs, n) -> customerAccounts.computeIfAbsent(rs.getString(1), (c) -> new HashSet<>())
				.add(rs.getString(2)))
			.list();
		this.jdbc.sql("""
				select distinct entitlement_id, account_id, customer_id from entitlement_version
				where entitlement_id = any(:entitlements)""")
			.param("entitlements", entitlements.toArray(String[]::new))
			.query((rs, n) -> entitlementOwners.computeIfAbsent(rs.getString(1), (e) -> new HashSet<>())
				.add(owner(rs.getString(2), rs.getString(3))))
			.list();
		return new Owners(customerAccounts, entitlementOwners);
	}

	/**
	 * {@code null} when the event stays in its tenant, else the reason for refusing it.
	 */
	String refusal(UsageEvent event, Owners owners) {
		String customer = "accounts/" + event.accountId() + "/customers/" + event.customerId();
		if (!event.subject().startsWith(customer + "/")) {
			return "SUBJECT_NOT_OF_CUSTOMER: the subject " + event.subject() + " is not a resource of " + customer;
		}
		Set<String> accounts = owners.customerAccounts().get(event.customerId());
		if (accounts != null && !accounts.contains(event.accountId())) {
			return "CUSTOMER_NOT_FOUND: there is no customer " + customer;
		}
		Set<String> entitled = owners.entitlementOwners().get(event.entitlementId());
		if (entitled != null && !entitled.contains(owner(event.accountId(), event.customerId()))) {
			return "ENTITLEMENT_NOT_FOUND: there is no entitlement " + customer + "/entitlements/"
					+ event.entitlementId();
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
	 * known under
	 */
	record Owners(Map<String, Set<String>> customerAccounts, Map<String, Set<String>> entitlementOwners) {
	}

}
