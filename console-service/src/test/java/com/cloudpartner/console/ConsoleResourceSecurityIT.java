package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource and firewall forms carry the session's CSRF token like every other form,
 * and one end user never reaches another customer's disks, IPs or firewall rules.
 */
class ConsoleResourceSecurityIT extends ResourcesTestSupport {

	@Test
	void refusesTheResourceFormsWithoutTheSessionsToken() {
		Customer customer = signIn();
		Customer other = signIn(customer.account());
		String server = runningServer(customer, "web-1");
		String disk = activeResource(customer, "disks", "displayName", "data", "sizeGb", "10");
		long before = mutating(customer);

		for (List<String> token : List.of(List.<String>of(), List.of("_csrf", "guess"),
				List.of("_csrf", other.csrf()))) {
			for (String path : List.of("/console/resources/disks", "/console/resources/disks/" + disk + "/delete",
					"/console/resources/disks/" + disk + "/attach", "/console/resources/load-balancers/x1/members",
					"/console/servers/" + server + "/firewall-rules",
					"/console/servers/" + server + "/firewall-rules/r1/delete")) {
				List<String> fields = new ArrayList<>(token);
				fields.addAll(List.of("confirm", "yes", "server", server, "entitlement", customer.entitlement(),
						"sizeGb", "10", "direction", "INBOUND", "protocol", "TCP", "cidr", "0.0.0.0/0"));
				HttpResponse<String> response = postForm(path, customer.cookie(), fields);
				assertThat(response.statusCode()).as(path + " " + token).isEqualTo(403);
				assertThat(response.body()).contains("data-kind=\"csrf\"", "이 요청을 받을 수 없습니다");
				assertNoInternals(response);
			}
		}

		assertThat(mutating(customer)).isEqualTo(before);
		assertThat(page(customer, "disks", disk)).contains("data-state=\"ACTIVE\"").doesNotContain("resource-server");
	}

	@Test
	void answersNotFoundForAnotherCustomersResourcesAndChangesNothing() {
		String account = newAccount("Blue Hosting", 20);
		Customer alice = signIn(account);
		Customer bob = signIn(account);
		String alicesServer = runningServer(alice, "alices-box");
		String bobsServer = runningServer(bob, "bobs-box");
		String bobsDisk = activeResource(bob, "disks", "displayName", "bobs-secret-disk", "sizeGb", "10");
		String bobsIp = activeResource(bob, "public-ips", "displayName", "bobs-secret-ip");
		assertThat(runJob(bob, "/console/servers/" + bobsServer + "/firewall-rules", "direction", "INBOUND", "protocol",
				"TCP", "port", "22", "cidr", "198.51.100.0/24"))
			.isEqualTo("SUCCEEDED");
		long before = mutating(bob);
		int callsBefore = cloud.calls.size();

		List<HttpResponse<String>> responses = List.of(get("/console/resources/disks/" + bobsDisk, alice.cookie()),
				get("/console/resources/disks/" + bobsDisk + "/delete", alice.cookie()),
				get("/console/resources/public-ips/" + bobsIp, alice.cookie()),
				get("/console/servers/" + bobsServer + "/firewall-rules", alice.cookie()),
				submit(alice, "/console/resources/disks/" + bobsDisk + "/delete", List.of("confirm", "yes")),
				submit(alice, "/console/resources/disks/" + bobsDisk + "/attach", List.of("server", alicesServer)),
				submit(alice, "/console/resources/public-ips/" + bobsIp + "/release", List.of()),
				submit(alice, "/console/servers/" + bobsServer + "/firewall-rules",
						List.of("direction", "INBOUND", "protocol", "TCP", "cidr", "0.0.0.0/0")));
		for (HttpResponse<String> response : responses) {
			assertThat(response.statusCode()).isEqualTo(404);
			assertThat(response.body()).contains("data-kind=\"not-found\"")
				.doesNotContain("bobs-secret", "198.51.100.0", "bobs-box");
			assertNoInternals(response);
		}
		assertThat(get("/console/resources/disks", alice.cookie()).body()).doesNotContain(bobsDisk, "bobs-secret-disk");
		// every call made for Alice's session named Alice, in the path and in the token
		assertThat(cloud.calls.subList(callsBefore, cloud.calls.size())
			.stream()
			.filter((call) -> call.path().contains("/customers/"))
			.toList()).isNotEmpty()
			.allSatisfy((call) -> assertThat(call.path()).contains("/customers/" + alice.id() + "/"))
			.allSatisfy((call) -> assertThat(call.tokenCustomer()).isEqualTo(alice.id()));
		assertThat(mutating(bob)).isEqualTo(before);
		assertThat(page(bob, "disks", bobsDisk)).contains("data-state=\"ACTIVE\"", "bobs-secret-disk");
	}

	private static long mutating(Customer customer) {
		String prefix = "/v1/accounts/" + customer.account() + "/customers/" + customer.id() + "/";
		return cloud.calls.stream().filter((c) -> !c.method().equals("GET") && c.path().startsWith(prefix)).count();
	}

}
