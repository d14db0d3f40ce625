package com.cloudpartner.console.partnertool.resources;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cloudpartner.console.partnertool.api.PartnerApi;
import com.cloudpartner.console.partnertool.session.PartnerSession;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.stereotype.Component;

/**
 * entitlement-service for one session's account: the job history and the resources, both
 * across customers.
 */
@Component
class Operations {

	private final PartnerApi api;

	Operations(PartnerApi api) {
		this.api = api;
	}

	JobPage jobs(PartnerSession session, String customer, String state, int pageSize, String pageToken) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("customer", (customer != null) ? customer : "");
		query.put("state", (state != null) ? state : "");
		query.put("pageSize", pageSize);
		query.put("pageToken", (pageToken != null) ? pageToken : "");
		return this.api.entitlement(session).get(JobPage.class, query, "/jobs");
	}

	/** The customer at partner-service: a customer of another partner is not found. */
	Customer customer(PartnerSession session, String customerId) {
		return this.api.forSession(session).get(Customer.class, "/customers/{customerId}", customerId);
	}

	/**
	 * A page of the account's resources across customers, newest first, filtered where a
	 * filter is given.
	 */
	ResourcePage resources(PartnerSession session, String kind, String customer, String state, int pageSize,
			String pageToken) {
		Map<String, Object> query = new LinkedHashMap<>();
		query.put("kind", (kind != null) ? kind : "");
		query.put("customer", (customer != null) ? customer : "");
		query.put("state", (state != null) ? state : "");
		query.put("pageSize", pageSize);
		query.put("pageToken", (pageToken != null) ? pageToken : "");
		return this.api.entitlement(session).get(ResourcePage.class, query, "/resources");
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Customer(String id, String userId, String displayName) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobPage(List<Job> jobs, String nextPageToken) {

		JobPage {
			jobs = (jobs != null) ? jobs : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Job(String name, String id, String customer, String type, String target, String state, String requestedBy,
			String createTime, String finishTime, JobError error) {

		public String customerId() {
			if (this.customer == null) {
				return null;
			}
			int slash = this.customer.lastIndexOf('/');
			return (slash >= 0) ? this.customer.substring(slash + 1) : this.customer;
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record JobError(String code, String message) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record ResourcePage(List<Resource> resources, String nextPageToken) {

		ResourcePage {
			resources = (resources != null) ? resources : List.of();
		}

	}

	/**
	 * A resource as the API shows it; its name tells the customer and the kind:
	 * {@code accounts/{a}/customers/{c}/{kind}/{id}}, or
	 * {@code .../servers/{s}/firewall-rules/{r}}.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Resource(String name, String id, String displayName, String sku, String state, String createTime) {

		public String customerId() {
			String[] parts = parts();
			return (parts.length >= 6 && "customers".equals(parts[2])) ? parts[3] : null;
		}

		public String kind() {
			String[] parts = parts();
			return (parts.length == 8) ? parts[6] : (parts.length == 6) ? parts[4] : null;
		}

		private String[] parts() {
			return (this.name != null) ? this.name.split("/") : new String[0];
		}

	}

}
