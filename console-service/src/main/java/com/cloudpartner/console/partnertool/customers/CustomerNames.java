package com.cloudpartner.console.partnertool.customers;

import java.util.LinkedHashMap;
import java.util.Map;

import com.cloudpartner.console.partnertool.session.PartnerSession;

import org.springframework.stereotype.Component;

/**
 * Who the partner's customers are, for pages that list things of many customers (jobs,
 * resources, charges) and name each by its display name and user id instead of an id. The
 * first 500 customers (the API's largest page); one beyond them shows its id.
 */
@Component
public class CustomerNames {

	private final Customers customers;

	CustomerNames(Customers customers) {
		this.customers = customers;
	}

	/** Customer id to "display name (user id)", in the API's order. */
	public Map<String, String> of(PartnerSession session) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Customers.Customer customer : this.customers.list(session, 500, null).customers()) {
			if (customer.id() != null) {
				String name = (customer.displayName() != null && !customer.displayName().isBlank())
						? customer.displayName() : customer.id();
				names.put(customer.id(), (customer.userId() != null) ? name + " (" + customer.userId() + ")" : name);
			}
		}
		return names;
	}

}
