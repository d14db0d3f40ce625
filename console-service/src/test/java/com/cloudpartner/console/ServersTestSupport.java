package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in customers with an IaaS entitlement, and the steps of the server pages that
 * the server tests share: create a server, follow a job to its end.
 */
abstract class ServersTestSupport extends ConsoleTestSupport {

	static final FakeCloud cloud = upstreams.cloud;

	private static final JsonMapper json = JsonMapper.builder().build();

	/** A customer in a console session, with the CSRF token of its pages. */
	record Customer(String account, String id, String userId, String cookie, String csrf) {

		String key() {
			return FakeUpstreams.key(this.account, this.id);
		}

		String entitlement() {
			return "accounts/" + this.account + "/customers/" + this.id + "/entitlements/e-iaas";
		}

	}

	Customer signIn(String account) {
		String userId = "user-" + UUID.randomUUID().toString().substring(0, 8);
		String customer = newCustomer(account, userId);
		upstreams.entitlements.put(FakeUpstreams.key(account, customer), """
				{"entitlements":[
				 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-iaas","offer":"offers/iaas-payg",
				  "sku":"products/iaas/skus/payg","state":"ACTIVE","createTime":"2026-10-01T00:00:00Z"},
				 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-office","offer":"offers/office-monthly",
				  "sku":"products/office-suite/skus/standard","state":"ACTIVE","createTime":"2026-10-01T00:00:00Z"},
				 {"name":"accounts/%1$s/customers/%2$s/entitlements/e-old","offer":"offers/iaas-payg",
				  "sku":"products/iaas/skus/payg","state":"CANCELLED","createTime":"2026-09-01T00:00:00Z"}]}"""
			.formatted(account, customer));
		String cookie = openSession(account, customer, userId, Duration.ofMinutes(5));
		return new Customer(account, customer, userId, cookie, csrfToken(cookie));
	}

	Customer signIn() {
		return signIn(newAccount("Blue Hosting", 20));
	}

	/** Posts a form of the customer's session with its CSRF token. */
	HttpResponse<String> submit(Customer customer, String path, List<String> fields, String... headers) {
		List<String> all = new java.util.ArrayList<>(List.of("_csrf", customer.csrf()));
		all.addAll(fields);
		return postForm(path, customer.cookie(), all, headers);
	}

	/**
	 * Creates a server through the form and follows its job; answers the job page path.
	 */
	String create(Customer customer, String displayName) {
		HttpResponse<String> created = submit(customer, "/console/servers",
				List.of("entitlement", customer.entitlement(), "sku", "products/server-basic/skus/basic-2vcpu-4gb",
						"image", "ubuntu-24.04", "displayName", displayName, "requestKey",
						UUID.randomUUID().toString()));
		String jobPage = location(created);
		assertThat(jobPage).startsWith("/console/jobs/");
		return jobPage;
	}

	/** Creates a server and waits until it runs; answers its id. */
	String runningServer(Customer customer, String displayName) {
		String jobPage = create(customer, displayName);
		get(jobPage, customer.cookie());
		assertThat(follow(customer, jobPage).get("state").asString()).isEqualTo("SUCCEEDED");
		return serverOfJob(customer, jobPage);
	}

	/** Polls the job page's progress endpoint, as its script does, until the job ends. */
	JsonNode follow(Customer customer, String jobPage) {
		for (int i = 0; i < 10; i++) {
			HttpResponse<String> progress = get(jobPage + "/progress", customer.cookie(), "Accept", "application/json");
			assertThat(progress.statusCode()).isEqualTo(200);
			JsonNode node = json.readTree(progress.body());
			if (node.get("done").asBoolean()) {
				return node;
			}
		}
		throw new AssertionError("job did not finish: " + jobPage);
	}

	/** The id of the server a job page links back to. */
	String serverOfJob(Customer customer, String jobPage) {
		String body = get(jobPage, customer.cookie()).body();
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("id=\"back-to-server\"\\s+href=\"/console/servers/([^\"]+)\"")
			.matcher(body);
		assertThat(m.find()).as("a link back to the server").isTrue();
		return m.group(1);
	}

	/**
	 * Runs an action form of the server page and follows its job; answers the job page.
	 */
	String act(Customer customer, String serverId, String verb, String... fields) {
		HttpResponse<String> response = submit(customer, "/console/servers/" + serverId + "/" + verb, List.of(fields));
		String jobPage = location(response);
		assertThat(jobPage).startsWith("/console/jobs/");
		return jobPage;
	}

	static long mutatingCalls(String customerKey) {
		String[] parts = customerKey.split("/");
		String prefix = "/v1/accounts/" + parts[0] + "/customers/" + parts[1] + "/servers";
		return cloud.calls.stream().filter((c) -> !c.method().equals("GET") && c.path().startsWith(prefix)).count();
	}

}
