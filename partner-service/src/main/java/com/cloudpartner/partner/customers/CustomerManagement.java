package com.cloudpartner.partner.customers;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import com.cloudpartner.partner.accounts.PartnerAccountManagement;
import com.cloudpartner.partner.idempotency.IdempotentRequests;
import com.cloudpartner.partner.paging.PageRequest;
import com.cloudpartner.support.outbox.CloudEvent;
import com.cloudpartner.support.outbox.Outbox;
import com.cloudpartner.support.problem.ApiProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partners' customers: registration (idempotent by key), changes, and deletion, which
 * waits until the customer holds no active entitlement. Creation and deletion are
 * published on {@code partner-events}.
 */
@Service
public class CustomerManagement {

	private final CustomerRepository customers;

	private final CustomerEntitlements entitlements;

	private final PartnerAccountManagement accounts;

	private final IdempotentRequests idempotency;

	private final Outbox outbox;

	private final Clock clock;

	CustomerManagement(CustomerRepository customers, CustomerEntitlements entitlements,
			PartnerAccountManagement accounts, IdempotentRequests idempotency, Outbox outbox, Clock clock) {
		this.customers = customers;
		this.entitlements = entitlements;
		this.accounts = accounts;
		this.idempotency = idempotency;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * @throws ApiProblem 409 {@code CUSTOMER_EXISTS} when the account has a customer with
	 * this user id, 422 {@code IDEMPOTENCY_KEY_REUSED}
	 */
	@Transactional
	public Customer create(String accountId, NewCustomer request, String idempotencyKey) {
		this.accounts.require(accountId);
		return this.idempotency.execute(accountId, idempotencyKey, "create-customer", request, Customer.class,
				() -> insert(accountId, request));
	}

	private Customer insert(String accountId, NewCustomer request) {
		Instant now = now();
		Customer customer = new Customer(accountId, UUID.randomUUID(), request.userId(), request.displayName().trim(),
				blankToNull(request.email()), blankToNull(request.correlationId()), blankToNull(request.domain()), now,
				now);
		if (!this.customers.insert(customer)) {
			throw ApiProblem.conflict("CUSTOMER_EXISTS",
					"A customer with userId '" + request.userId() + "' exists already.");
		}
		publish(customer, CustomerEvents.CREATED, CustomerEvents.CustomerCreated.of(customer));
		return customer;
	}

	public Optional<Customer> find(String accountId, String customerId) {
		return parse(customerId).flatMap((id) -> this.customers.find(accountId, id));
	}

	/**
	 * @throws ApiProblem 404 {@code CUSTOMER_NOT_FOUND}
	 */
	public Customer require(String accountId, String customerId) {
		return find(accountId, customerId).orElseThrow(() -> notFound(customerId));
	}

	public PageRequest.Page<Customer> list(String accountId, PageRequest page) {
		this.accounts.require(accountId);
		return page.page(this.customers.list(accountId, page), Customer::createTime, (c) -> c.id().toString());
	}

	@Transactional
	public Customer update(String accountId, String customerId, CustomerChanges changes) {
		Customer current = parse(customerId).flatMap((id) -> this.customers.findForUpdate(accountId, id))
			.orElseThrow(() -> notFound(customerId));
		Customer updated = new Customer(accountId, current.id(), current.userId(),
				(changes.displayName() != null) ? changes.displayName().trim() : current.displayName(),
				change(changes.email(), current.email()), change(changes.correlationId(), current.correlationId()),
				change(changes.domain(), current.domain()), current.createTime(), now());
		this.customers.update(updated);
		return updated;
	}

	/**
	 * @throws ApiProblem 409 {@code RESOURCES_STILL_ACTIVE} while the customer holds an
	 * entitlement that is not cancelled
	 */
	@Transactional
	public void delete(String accountId, String customerId) {
		Customer customer = parse(customerId).flatMap((id) -> this.customers.findForUpdate(accountId, id))
			.orElseThrow(() -> notFound(customerId));
		if (this.entitlements.holdsActive(accountId, customer.id().toString())) {
			throw ApiProblem.conflict("RESOURCES_STILL_ACTIVE",
					"The customer still holds an active entitlement; cancel it (and release its resources) first.");
		}
		this.customers.delete(accountId, customer.id());
		publish(customer, CustomerEvents.DELETED,
				new CustomerEvents.CustomerDeleted(accountId, customer.id().toString()));
	}

	private void publish(Customer customer, String type, Object data) {
		this.outbox.append(PartnerAccountManagement.TOPIC, "accounts/" + customer.accountId(),
				CloudEvent.of(PartnerAccountManagement.SOURCE, type, customer.name(), now(), data));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static Optional<UUID> parse(String customerId) {
		try {
			return Optional.of(UUID.fromString(customerId));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static String change(String change, String current) {
		return (change == null) ? current : blankToNull(change);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

	private static ApiProblem notFound(String customerId) {
		return ApiProblem.notFound("CUSTOMER_NOT_FOUND", "There is no customer " + customerId + " in this account.");
	}

	/** A customer to register. */
	public record NewCustomer(String userId, String displayName, String email, String correlationId, String domain) {
	}

	/** A partial change: {@code null} keeps a value, an empty string clears it. */
	public record CustomerChanges(String displayName, String email, String correlationId, String domain) {
	}

}
