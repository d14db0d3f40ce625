package com.cloudpartner.billing.account;

import java.util.Optional;

import com.cloudpartner.support.security.TenantDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * billing's answers to the tenant boundary (decision 0057): the account's state from the
 * contract projection, and a customer from the customer projection (a deleted customer is
 * gone), else from the entitlements billing heard of (entitlement-service created them
 * for a customer it had checked), else from partner-service.
 */
@Component
class BillingTenantDirectory implements TenantDirectory {

	private final JdbcClient jdbc;

	private final PartnerServiceClient partnerService;

	private final Customers customers;

	BillingTenantDirectory(JdbcClient jdbc, PartnerServiceClient partnerService, Customers customers) {
		this.jdbc = jdbc;
		this.partnerService = partnerService;
		this.customers = customers;
	}

	@Override
	public boolean isSuspended(String accountId) {
		return this.jdbc.sql("select state from billing_account_contract where account_id = :a")
			.param("a", accountId)
			.query(String.class)
			.optional()
			.filter("SUSPENDED"::equals)
			.isPresent();
	}

	@Override
	public boolean hasCustomer(String accountId, String customerId, String authorization) {
		Optional<Boolean> deleted = this.jdbc
			.sql("select deleted_at is not null from customer where account_id = :a and customer_id = :c")
			.param("a", accountId)
			.param("c", customerId)
			.query(Boolean.class)
			.optional();
		if (deleted.isPresent()) {
			return !deleted.get();
		}
		boolean entitled = this.jdbc.sql("""
				select exists (select 1 from entitlement_version where account_id = :a and customer_id = :c)""")
			.param("a", accountId)
			.param("c", customerId)
			.query(Boolean.class)
			.single();
		if (entitled) {
			return true;
		}
		Optional<PartnerServiceClient.RemoteCustomer> remote = this.partnerService.findCustomer(accountId, customerId,
				authorization);
		remote.ifPresent((c) -> this.customers.lookedUp(accountId, customerId, c.userId(), c.displayName()));
		return remote.isPresent();
	}

}
