package com.cloudpartner.partner.customers;

/**
 * The data of the customer events on {@code partner-events}
 * (docs/events/customer.created.json, customer.deleted.json).
 */
final class CustomerEvents {

	static final String CREATED = "customer.created";

	static final String DELETED = "customer.deleted";

	private CustomerEvents() {
	}

	record CustomerCreated(String accountId, String customerId, String userId, String displayName,
			String correlationId) {

		static CustomerCreated of(Customer customer) {
			return new CustomerCreated(customer.accountId(), customer.id().toString(), customer.userId(),
					customer.displayName(), customer.correlationId());
		}

	}

	record CustomerDeleted(String accountId, String customerId) {
	}

}
