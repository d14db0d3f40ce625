package com.cloudpartner.console.jobs;

import java.net.URI;
import java.util.List;

import com.cloudpartner.console.upstream.ServiceEndpoints;
import com.cloudpartner.console.upstream.UpstreamCalls;
import com.cloudpartner.console.upstream.UpstreamRefusedException;
import com.cloudpartner.console.web.ConsoleUser;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The signed-in customer's jobs at entitlement-service, read with their console token. A
 * job of another customer is not found, whatever the API says.
 */
@Component
class CustomerJobs {

	static final int PAGE_SIZE = 50;

	private final RestClient http;

	private final ServiceEndpoints endpoints;

	private final UpstreamCalls calls;

	CustomerJobs(RestClient upstream, ServiceEndpoints endpoints, UpstreamCalls calls) {
		this.http = upstream;
		this.endpoints = endpoints;
		this.calls = calls;
	}

	Job get(ConsoleUser user, String jobId) {
		URI uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/jobs/{jobId}")
			.buildAndExpand(user.accountId(), jobId)
			.encode()
			.toUri();
		Job job = this.calls.call("entitlement-service did not answer the job", () -> get(user, uri, Job.class));
		if (!job.belongsTo(user)) {
			throw new UpstreamRefusedException("entitlement-service answered another customer's job", 404,
					"JOB_NOT_FOUND");
		}
		return job;
	}

	/**
	 * The customer's jobs, newest first; of one resource when {@code resource} is set.
	 */
	Page list(ConsoleUser user, String resource, int pageSize, String pageToken) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUri(this.endpoints.entitlement())
			.path("/v1/accounts/{accountId}/customers/{customerId}/jobs")
			.queryParam("pageSize", pageSize);
		if (resource != null) {
			uri.queryParam("resource", resource);
		}
		if (pageToken != null && !pageToken.isBlank()) {
			uri.queryParam("pageToken", pageToken);
		}
		URI target = uri.buildAndExpand(user.accountId(), user.customerId()).encode().toUri();
		Page page = this.calls.call("entitlement-service did not list the jobs", () -> get(user, target, Page.class));
		return new Page(page.jobs().stream().filter((job) -> job.belongsTo(user)).toList(), page.nextPageToken());
	}

	private <T> T get(ConsoleUser user, URI uri, Class<T> type) {
		return this.http.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.body(type);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Page(List<Job> jobs, String nextPageToken) {

		Page {
			jobs = (jobs != null) ? jobs : List.of();
		}

	}

	/** A job as the API shows it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Job(String name, String id, String customer, String type, String target, String state, String requestedBy,
			String createTime, String startTime, String finishTime, Error error) {

		boolean belongsTo(ConsoleUser user) {
			return user.customerName().equals(this.customer) && this.name != null
					&& this.name.startsWith("accounts/" + user.accountId() + "/jobs/");
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Error(String code, String message) {

	}

}
