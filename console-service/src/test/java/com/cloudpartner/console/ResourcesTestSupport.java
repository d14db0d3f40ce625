package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of the resource pages that their tests share: create a resource of a kind
 * through its form, follow its job, find the resource the job page links back to.
 */
abstract class ResourcesTestSupport extends ServersTestSupport {

	static final FakeResources fakeResources = upstreams.resources;

	private static final Pattern BACK_TO_RESOURCE = Pattern
		.compile("id=\"back-to-resource\"\\s+href=\"/console/resources/[a-z-]+/([^\"]+)\"");

	/** Sends a kind's create form; answers the response (a redirect). */
	HttpResponse<String> sendCreate(Customer customer, String kind, String... fields) {
		List<String> all = new ArrayList<>(List.of("entitlement", customer.entitlement()));
		all.addAll(List.of(fields));
		return submit(customer, "/console/resources/" + kind, all);
	}

	/** Creates a resource through its form and waits for its job; answers its id. */
	String activeResource(Customer customer, String kind, String... fields) {
		String jobPage = location(sendCreate(customer, kind, fields));
		assertThat(jobPage).startsWith("/console/jobs/");
		assertThat(follow(customer, jobPage).get("state").asString()).isEqualTo("SUCCEEDED");
		return resourceOfJob(customer, jobPage);
	}

	/** The id of the resource a job page links back to. */
	String resourceOfJob(Customer customer, String jobPage) {
		Matcher m = BACK_TO_RESOURCE.matcher(get(jobPage, customer.cookie()).body());
		assertThat(m.find()).as("a link back to the resource").isTrue();
		return m.group(1);
	}

	/**
	 * Posts a form of a resource page and expects its job; answers the job's end state.
	 */
	String runJob(Customer customer, String path, String... fields) {
		String jobPage = location(submit(customer, path, List.of(fields)));
		assertThat(jobPage).as(path).startsWith("/console/jobs/");
		return follow(customer, jobPage).get("state").asString();
	}

	String page(Customer customer, String kind, String id) {
		return get("/console/resources/" + kind + "/" + id, customer.cookie()).body();
	}

}
