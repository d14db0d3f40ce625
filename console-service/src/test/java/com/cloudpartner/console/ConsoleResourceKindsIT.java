package com.cloudpartner.console;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind besides servers and disks: listed, created through its form (a job, then
 * visible), a refusal of the API shown in Korean and English, deleted after a
 * confirmation.
 */
class ConsoleResourceKindsIT extends ResourcesTestSupport {

	@ParameterizedTest
	@ValueSource(strings = { "snapshots", "images", "public-ips", "load-balancers", "buckets" })
	void createsShowsRefusesAndDeletesAResource(String kind) {
		Customer customer = signIn();
		List<String> fields = createFields(customer, kind);
		assertThat(get("/console/resources/" + kind, customer.cookie()).body()).contains("id=\"resources-empty\"",
				"data-kind=\"" + kind + "\"");
		assertThat(get("/console/resources/" + kind + "/new", customer.cookie()).body()).contains("id=\"create-form\"");

		cloud.refuseNext.put(customer.key(), new Object[] { 409, "QUOTA_EXCEEDED" });
		HttpResponse<String> refused = sendCreate(customer, kind, fields.toArray(String[]::new));
		assertThat(location(refused)).isEqualTo("/console/resources/" + kind + "/new");
		assertThat(get(location(refused), customer.cookie()).body()).contains("data-code=\"QUOTA_EXCEEDED\"",
				"사용 한도를 모두 사용했습니다");
		cloud.refuseNext.put(customer.key(), new Object[] { 409, "QUOTA_EXCEEDED" });
		sendCreate(customer, kind, fields.toArray(String[]::new));
		assertThat(get(location(refused), customer.cookie(), "Accept-Language", "en").body())
			.contains("data-code=\"QUOTA_EXCEEDED\"", "Your quota is used up");

		String id = activeResource(customer, kind, fields.toArray(String[]::new));
		assertThat(get("/console/resources/" + kind, customer.cookie()).body()).contains("data-id=\"" + id + "\"",
				"data-state=\"ACTIVE\"", "my-" + kind);
		assertThat(page(customer, kind, id)).contains("id=\"resource-name\">my-" + kind + "<", "id=\"delete-link\"");

		HttpResponse<String> confirmation = get("/console/resources/" + kind + "/" + id + "/delete", customer.cookie(),
				"Accept-Language", "en");
		assertThat(confirmation.body()).contains("id=\"delete-form\"", "name=\"confirm\" value=\"yes\"", "my-" + kind);
		assertThat(location(submit(customer, "/console/resources/" + kind + "/" + id + "/delete", List.of())))
			.endsWith("/delete");
		assertThat(cloud.calls).noneMatch((call) -> call.method().equals("DELETE") && call.path().contains(id));
		assertThat(runJob(customer, "/console/resources/" + kind + "/" + id + "/delete", "confirm", "yes"))
			.isEqualTo("SUCCEEDED");
		assertThat(get("/console/resources/" + kind, customer.cookie()).body()).doesNotContain(id);
	}

	@Test
	void assignsAndUnassignsAPublicIpAndWillNotReleaseItWhileAssigned() {
		Customer customer = signIn();
		String server = runningServer(customer, "web-1");
		String ip = activeResource(customer, "public-ips", "displayName", "front-ip");
		assertThat(page(customer, "public-ips", ip)).contains("class=\"fact fact-address\">203.0.113.",
				"id=\"assign-form\"");

		assertThat(runJob(customer, "/console/resources/public-ips/" + ip + "/assign", "server", server))
			.isEqualTo("SUCCEEDED");
		assertThat(page(customer, "public-ips", ip)).contains("id=\"resource-server\"", "id=\"unassign-form\"");
		HttpResponse<String> refused = submit(customer, "/console/resources/public-ips/" + ip + "/delete",
				List.of("confirm", "yes"));
		assertThat(get(location(refused), customer.cookie(), "Accept-Language", "en").body())
			.contains("data-code=\"PUBLIC_IP_ASSIGNED\"", "Unassign it first");

		assertThat(runJob(customer, "/console/resources/public-ips/" + ip + "/release")).isEqualTo("SUCCEEDED");
		assertThat(page(customer, "public-ips", ip)).doesNotContain("id=\"resource-server\"")
			.contains("id=\"assign-form\"");
	}

	@Test
	void changesTheServersOfALoadBalancer() {
		Customer customer = signIn();
		String first = runningServer(customer, "web-1");
		String second = runningServer(customer, "web-2");
		String lb = activeResource(customer, "load-balancers", "displayName", "front", "port", "443", "protocol",
				"HTTPS", "targetPort", "8080", "member", first);
		assertThat(page(customer, "load-balancers", lb)).contains("class=\"member\">" + first + "<",
				"id=\"members-form\"");

		assertThat(runJob(customer, "/console/resources/load-balancers/" + lb + "/members", "member", first, "member",
				second))
			.isEqualTo("SUCCEEDED");

		assertThat(page(customer, "load-balancers", lb)).contains("class=\"member\">" + second + "<");
		assertThat(cloud.calls).anyMatch((call) -> call.method().equals("PATCH") && call.path().endsWith(lb));
	}

	@Test
	void showsTheUnavailablePageWhenTheApiDoesNotAnswer() {
		Customer customer = signIn();
		cloud.unavailable.add(customer.key());
		try {
			HttpResponse<String> list = get("/console/resources/buckets", customer.cookie());
			assertThat(list.statusCode()).isEqualTo(503);
			assertNoInternals(list);
		}
		finally {
			cloud.unavailable.remove(customer.key());
		}
		assertThat(get("/console/resources/volumes", customer.cookie()).statusCode()).isEqualTo(404);
	}

	/** What the create form of a kind is filled in with. */
	private List<String> createFields(Customer customer, String kind) {
		List<String> fields = new ArrayList<>(List.of("displayName", "my-" + kind));
		switch (kind) {
			case "snapshots" -> {
				String disk = activeResource(customer, "disks", "displayName", "src", "sizeGb", "10");
				fields.addAll(List.of("source",
						"accounts/" + customer.account() + "/customers/" + customer.id() + "/disks/" + disk));
			}
			case "images" -> {
				String server = runningServer(customer, "golden");
				fields.addAll(List.of("source",
						"accounts/" + customer.account() + "/customers/" + customer.id() + "/servers/" + server));
			}
			case "load-balancers" -> fields.addAll(List.of("port", "80", "protocol", "HTTP", "targetPort", "8080"));
			default -> {
			}
		}
		return fields;
	}

}
